import { describe, expect, test } from "vitest";
import { parseChangeEvent, parseEvent } from "./events-api.js";

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

describe("parseChangeEvent", () => {
  test("PagerDuty's example change event", () => {
    expect(
      parseChangeEvent({
        routing_key: KEY,
        payload: {
          summary: "Build Success: Increase snapshot create timeout to 30 seconds",
          timestamp: "2020-07-17T08:42:58.315+0000",
          source: "acme-build-pipeline-tool-default-i-9999",
          custom_details: { build_state: "passed", build_number: "2", run_time: "1236s" },
        },
        links: [{ href: "https://acme.pagerduty.dev/build/2", text: "View more details in Acme!" }],
      }),
    ).toEqual({
      ok: true,
      event: {
        routingKey: KEY,
        payload: {
          summary: "Build Success: Increase snapshot create timeout to 30 seconds",
          timestamp: new Date("2020-07-17T08:42:58.315Z"),
          source: "acme-build-pipeline-tool-default-i-9999",
          customDetails: { build_state: "passed", build_number: "2", run_time: "1236s" },
        },
        links: [{ href: "https://acme.pagerduty.dev/build/2", text: "View more details in Acme!" }],
      },
    });
  });

  test("source, custom_details and links may be left out; a long summary is cut", () => {
    const timestamp = "2026-11-29T10:00:00Z";
    expect(parseChangeEvent({ routing_key: KEY, payload: { summary: "y".repeat(1500), timestamp } })).toEqual({
      ok: true,
      event: {
        routingKey: KEY,
        payload: { summary: "y".repeat(1024), source: null, timestamp: new Date(timestamp), customDetails: null },
        links: [],
      },
    });
  });

  test("the contract requires a timestamp", () => {
    expect(parseChangeEvent({ routing_key: KEY, payload: { summary: "Deployed" } })).toEqual({
      ok: false,
      errors: ["'payload.timestamp' is missing"],
    });
  });

  test("every problem is named at once", () => {
    expect(
      parseChangeEvent({
        routing_key: "short",
        payload: { source: 7, timestamp: "2020-07-17" },
        links: [{ href: "ftp://example.test/x" }, "nope", { href: "https://ok.test", text: ["x"] }],
      }),
    ).toEqual({
      ok: false,
      errors: [
        "Length of 'routing_key' is incorrect (should be 32 characters)",
        "'links.0.href' must be an http or https URL",
        "'links.1' must be an object",
        "'links.2.text' must be a string",
        "'payload.summary' is missing or blank",
        "'payload.source' must be a string",
        "'payload.timestamp' is not a valid ISO 8601 date-time",
      ],
    });
  });

  test("no size limit of its own on custom_details: the whole body's 512 KB is the limit", () => {
    const big = { log: "z".repeat(300_000) };
    const parsed = parseChangeEvent({
      routing_key: KEY,
      payload: { summary: "s", timestamp: "2026-11-29T10:00:00Z", custom_details: big },
    });
    expect(parsed.ok && parsed.event.payload.customDetails).toEqual(big);
    const alert = parseEvent({
      routing_key: KEY,
      event_action: "trigger",
      payload: { summary: "s", source: "s", severity: "info", custom_details: big },
    });
    expect(alert.ok).toBe(true);
  });

  test("JSON nested deeper than 100 levels is refused rather than walked", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 150; i++) deep = [deep];
    const parsed = parseChangeEvent({ routing_key: KEY, payload: { summary: "s", custom_details: deep } });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual([
      expect.stringMatching(/^'payload\.custom_details(\.0)+' is nested too deeply/),
    ]);
  });
});
