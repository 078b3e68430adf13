import { EVENT_SEVERITIES, type EventSeverity } from "./integration.entity.js";
import { dateOutOfRangeReason, unsafeTextReason } from "../../platform/validation.js";

/** A PagerDuty Events API v2 event, as validated. */
export type EnqueuedEvent =
  | {
      routingKey: string;
      action: "trigger";
      dedupKey: string | null;
      payload: {
        summary: string;
        source: string;
        severity: EventSeverity;
        timestamp: Date | null;
        component: string | null;
        group: string | null;
        class: string | null;
        customDetails: unknown;
      };
    }
  | { routingKey: string; action: "acknowledge" | "resolve"; dedupKey: string };

/** A PagerDuty change event (`POST /v2/change/enqueue`), as validated. */
export interface EnqueuedChangeEvent {
  routingKey: string;
  payload: {
    summary: string;
    source: string | null;
    /** When the change happened; the time it was received when the sender gave none. */
    timestamp: Date | null;
    customDetails: unknown;
  };
  links: { href: string; text: string | null }[];
}

const ACTIONS = ["trigger", "acknowledge", "resolve"] as const;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/** PagerDuty's limit on summary and source: longer text is cut rather than refused. */
const MAX_TEXT = 1024;
/** Deeper JSON than this is refused: walking it (here, and in PostgreSQL's jsonb) would exhaust the stack. */
const MAX_DEPTH = 100;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function optionalText(value: unknown, name: string, errors: string[], max = MAX_TEXT): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    errors.push(`'${name}' must be a string`);
    return null;
  }
  return value.slice(0, max) || null;
}

/**
 * Every string (and key) holding NUL, a control character or a lone surrogate, by its path; and JSON
 * nested deeper than MAX_DEPTH. Returns false when it stopped at the depth limit.
 */
function unsafeStrings(value: unknown, path: string, errors: string[], depth = 0): boolean {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    if (reason) errors.push(`'${path}' ${reason}`);
    return true;
  }
  if (typeof value !== "object" || value === null) return true;
  if (depth >= MAX_DEPTH) {
    errors.push(`'${path}' is nested too deeply (at most ${MAX_DEPTH} levels)`);
    return false;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (!unsafeStrings(value[i], `${path}.${i}`, errors, depth + 1)) return false;
    return true;
  }
  for (const [key, item] of Object.entries(value)) {
    const reason = unsafeTextReason(key);
    if (reason) errors.push(`A key${path ? ` in '${path}'` : ""} ${reason}`);
    else if (!unsafeStrings(item, path ? `${path}.${key}` : key, errors, depth + 1)) return false;
  }
  return true;
}

/** The routing key, or null after naming what is wrong with it. */
function routingKeyOf(e: Record<string, unknown>, errors: string[]): string | null {
  const routingKey = text(e["routing_key"]);
  if (routingKey === null) errors.push("'routing_key' is missing or blank");
  else if (routingKey.length !== 32) errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
  else return routingKey;
  return null;
}

/** An optional ISO 8601 date-time within the years we store. */
function timestampOf(value: unknown, name: string, errors: string[]): Date | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
    errors.push(`'${name}' is not a valid ISO 8601 date-time`);
    return null;
  }
  const timestamp = new Date(value);
  const outOfRange = dateOutOfRangeReason(timestamp);
  if (outOfRange) errors.push(`'${name}' ${outOfRange}`);
  return timestamp;
}

/** The body as an object whose every text is safe, or the problems. */
function eventObject(body: unknown, errors: string[]): Record<string, unknown> | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    errors.push("Event object must be a JSON object");
    return null;
  }
  // No text may carry NUL, control characters or lone surrogates, wherever it sits in the event.
  unsafeStrings(body, "", errors);
  return errors.length ? null : (body as Record<string, unknown>);
}

/** Validates an event the way the Events API does, naming every problem at once. */
export function parseEvent(body: unknown): { ok: true; event: EnqueuedEvent } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const e = eventObject(body, errors);
  if (!e) return { ok: false, errors };
  const routingKey = routingKeyOf(e, errors);
  const action = text(e["event_action"]);
  if (action === null) errors.push("'event_action' is missing or blank");
  else if (!(ACTIONS as readonly string[]).includes(action))
    errors.push("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
  let dedupKey: string | null = null;
  if (e["dedup_key"] !== undefined && e["dedup_key"] !== null) {
    if (typeof e["dedup_key"] !== "string") errors.push("'dedup_key' must be a string");
    else if (e["dedup_key"].length > 255) errors.push("'dedup_key' is too long (at most 255 characters)");
    else dedupKey = e["dedup_key"] || null;
  }
  if ((action === "acknowledge" || action === "resolve") && dedupKey === null)
    errors.push(`'dedup_key' is missing or blank (required to ${action})`);

  if (action !== "trigger") {
    if (errors.length) return { ok: false, errors };
    return {
      ok: true,
      event: { routingKey: routingKey!, action: action as "acknowledge" | "resolve", dedupKey: dedupKey! },
    };
  }
  const payload = e["payload"];
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    errors.push("'payload' is missing or not an object");
    return { ok: false, errors };
  }
  const p = payload as Record<string, unknown>;
  const summary = text(p["summary"]);
  if (summary === null) errors.push("'payload.summary' is missing or blank");
  const source = text(p["source"]);
  if (source === null) errors.push("'payload.source' is missing or blank");
  const severity = text(p["severity"]);
  if (severity === null) errors.push("'payload.severity' is missing or blank");
  else if (!(EVENT_SEVERITIES as readonly string[]).includes(severity))
    errors.push("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
  const timestamp = timestampOf(p["timestamp"], "payload.timestamp", errors);
  const component = optionalText(p["component"], "payload.component", errors);
  const group = optionalText(p["group"], "payload.group", errors);
  const klass = optionalText(p["class"], "payload.class", errors);
  // No limit of its own: the whole event is at most 512 KB (events-api.route.ts), as PagerDuty has it.
  const customDetails = p["custom_details"] ?? null;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    event: {
      routingKey: routingKey!,
      action: "trigger",
      dedupKey,
      payload: {
        // As the Events API does, a long summary or source is cut rather than refused.
        summary: summary!.slice(0, MAX_TEXT),
        source: source!.slice(0, MAX_TEXT),
        severity: severity as EventSeverity,
        timestamp,
        component,
        group,
        class: klass,
        customDetails,
      },
    },
  };
}

/** An http(s) URL: links are shown to staff as links, so no `javascript:` or other schemes. */
function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function linksOf(value: unknown, errors: string[]): { href: string; text: string | null }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push("'links' must be an array");
    return [];
  }
  return value.flatMap((link: unknown, i) => {
    if (typeof link !== "object" || link === null || Array.isArray(link)) {
      errors.push(`'links.${i}' must be an object`);
      return [];
    }
    const l = link as Record<string, unknown>;
    const href = text(l["href"]);
    if (href === null) errors.push(`'links.${i}.href' is missing or blank`);
    else if (href.length > 2048 || !isWebUrl(href)) errors.push(`'links.${i}.href' must be an http or https URL`);
    const linkText = optionalText(l["text"], `links.${i}.text`, errors);
    return href === null ? [] : [{ href, text: linkText }];
  });
}

/**
 * Validates a change event: `routing_key`, `payload.summary` and `payload.timestamp` are required (the
 * contract's rule; PagerDuty itself would take the time received), `payload.source`,
 * `payload.custom_details` and `links` may be left out.
 */
export function parseChangeEvent(
  body: unknown,
): { ok: true; event: EnqueuedChangeEvent } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const e = eventObject(body, errors);
  if (!e) return { ok: false, errors };
  const routingKey = routingKeyOf(e, errors);
  const payload = e["payload"];
  const links = linksOf(e["links"], errors);
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    errors.push("'payload' is missing or not an object");
    return { ok: false, errors };
  }
  const p = payload as Record<string, unknown>;
  const summary = text(p["summary"]);
  if (summary === null) errors.push("'payload.summary' is missing or blank");
  const source = optionalText(p["source"], "payload.source", errors);
  if (p["timestamp"] === undefined || p["timestamp"] === null) errors.push("'payload.timestamp' is missing");
  const timestamp = timestampOf(p["timestamp"], "payload.timestamp", errors);
  const customDetails = p["custom_details"] ?? null;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    event: {
      routingKey: routingKey!,
      payload: { summary: summary!.slice(0, MAX_TEXT), source, timestamp, customDetails },
      links,
    },
  };
}
