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

const ACTIONS = ["trigger", "acknowledge", "resolve"] as const;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function optionalText(value: unknown, name: string, errors: string[], max = 1024): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    errors.push(`'${name}' must be a string`);
    return null;
  }
  return value.slice(0, max) || null;
}

/** Every string (and key) holding NUL, a control character or a lone surrogate, by its path. */
function unsafeStrings(value: unknown, path: string, errors: string[]): void {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    if (reason) errors.push(`'${path}' ${reason}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeStrings(item, `${path}.${i}`, errors));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const reason = unsafeTextReason(key);
      if (reason) errors.push(`A key${path ? ` in '${path}'` : ""} ${reason}`);
      else unsafeStrings(item, path ? `${path}.${key}` : key, errors);
    }
  }
}

/** Validates an event the way the Events API does, naming every problem at once. */
export function parseEvent(body: unknown): { ok: true; event: EnqueuedEvent } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, errors: ["Event object must be a JSON object"] };
  // No text may carry NUL, control characters or lone surrogates, wherever it sits in the event.
  unsafeStrings(body, "", errors);
  if (errors.length) return { ok: false, errors };
  const e = body as Record<string, unknown>;
  const routingKey = text(e["routing_key"]);
  if (routingKey === null) errors.push("'routing_key' is missing or blank");
  else if (routingKey.length !== 32) errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
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
  let timestamp: Date | null = null;
  if (p["timestamp"] !== undefined && p["timestamp"] !== null) {
    const t = p["timestamp"];
    if (typeof t !== "string" || !ISO_8601.test(t) || Number.isNaN(Date.parse(t)))
      errors.push("'payload.timestamp' is not a valid ISO 8601 date-time");
    else {
      timestamp = new Date(t);
      const outOfRange = dateOutOfRangeReason(timestamp);
      if (outOfRange) errors.push(`'payload.timestamp' ${outOfRange}`);
    }
  }
  const component = optionalText(p["component"], "payload.component", errors);
  const group = optionalText(p["group"], "payload.group", errors);
  const klass = optionalText(p["class"], "payload.class", errors);
  const customDetails = p["custom_details"] ?? null;
  if (JSON.stringify(customDetails).length > 100_000) errors.push("'payload.custom_details' is too large");
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    event: {
      routingKey: routingKey!,
      action: "trigger",
      dedupKey,
      payload: {
        // As the Events API does, a long summary or source is cut rather than refused.
        summary: summary!.slice(0, 1024),
        source: source!.slice(0, 1024),
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
