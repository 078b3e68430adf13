import { describe, expect, test } from "vitest";
import { parseEvent } from "./events-api.js";

const KEY = "0123456789abcdef0123456789abcdef";

describe("parseEvent", () => {
  test("a trigger with its payload", () => {
    const parsed = parseEvent({
      routing_key: KEY,
      event_action: "trigger",
      dedup_key: "disk-1",
      payload: {
        summary: "Disk full",
        source: "db-1",
        severity: "critical",
        timestamp: "2026-01-05T10:00:00.000+0000",
      },
    });
    expect(parsed).toMatchObject({
      ok: true,
      event: { action: "trigger", dedupKey: "disk-1", payload: { severity: "critical", component: null } },
    });
  });

  test("every problem is named at once", () => {
    const parsed = parseEvent({
      routing_key: "short",
      event_action: "explode",
      payload: { severity: "fatal", timestamp: "yesterday" },
    });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        "Length of 'routing_key' is incorrect (should be 32 characters)",
        "'event_action' is invalid (must be one of: trigger, acknowledge, resolve)",
      ],
    });
    const trigger = parseEvent({
      routing_key: KEY,
      event_action: "trigger",
      payload: { severity: "fatal", timestamp: "yesterday" },
    });
    expect(trigger).toEqual({
      ok: false,
      errors: [
        "'payload.summary' is missing or blank",
        "'payload.source' is missing or blank",
        "'payload.severity' is invalid (must be one of: critical, error, warning, info)",
        "'payload.timestamp' is not a valid ISO 8601 date-time",
      ],
    });
  });

  test("acknowledge and resolve need the dedup key", () => {
    expect(parseEvent({ routing_key: KEY, event_action: "resolve" })).toEqual({
      ok: false,
      errors: ["'dedup_key' is missing or blank (required to resolve)"],
    });
    expect(parseEvent({ routing_key: KEY, event_action: "acknowledge", dedup_key: "x" })).toEqual({
      ok: true,
      event: { routingKey: KEY, action: "acknowledge", dedupKey: "x" },
    });
  });

  test("a long summary is cut, not refused", () => {
    const parsed = parseEvent({
      routing_key: KEY,
      event_action: "trigger",
      payload: { summary: "x".repeat(2000), source: "s", severity: "info" },
    });
    expect(parsed.ok && parsed.event.action === "trigger" && parsed.event.payload.summary.length).toBe(1024);
  });
});
