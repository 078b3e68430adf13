import { describe, expect, test } from "vitest";
import { dailyUptime } from "./daily-uptime.js";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("dailyUptime", () => {
  const now = at("2026-01-10T12:00:00Z");

  test("gives one entry per day, oldest first, today last", () => {
    const days = dailyUptime({ changes: [], maintenance: [], now, days: 3, timezone: "UTC" });
    expect(days.map((d) => d.date)).toEqual(["2026-01-08", "2026-01-09", "2026-01-10"]);
  });

  test("days before the first recorded status have no data", () => {
    const days = dailyUptime({
      changes: [{ at: at("2026-01-09T00:00:00Z"), status: "OPERATIONAL" }],
      maintenance: [],
      now,
      days: 3,
      timezone: "UTC",
    });
    expect(days.map((d) => d.uptime)).toEqual([null, 1, 1]);
    expect(days[0]!.worstStatus).toBeNull();
  });

  test("a major outage counts fully, a partial outage at 30%, degraded performance not at all", () => {
    const days = dailyUptime({
      changes: [
        { at: at("2026-01-01T00:00:00Z"), status: "OPERATIONAL" },
        { at: at("2026-01-09T00:00:00Z"), status: "MAJOR_OUTAGE" },
        { at: at("2026-01-09T06:00:00Z"), status: "PARTIAL_OUTAGE" },
        { at: at("2026-01-09T12:00:00Z"), status: "DEGRADED_PERFORMANCE" },
        { at: at("2026-01-09T18:00:00Z"), status: "OPERATIONAL" },
      ],
      maintenance: [],
      now,
      days: 2,
      timezone: "UTC",
    });
    const [day] = days;
    expect(day).toMatchObject({ majorOutageMs: 6 * HOUR, partialOutageMs: 6 * HOUR, degradedMs: 6 * HOUR });
    expect(day!.uptime).toBeCloseTo(1 - (6 + 0.3 * 6) / 24);
    expect(day!.worstStatus).toBe("MAJOR_OUTAGE");
  });

  test("maintenance time is neither up nor down", () => {
    const days = dailyUptime({
      changes: [
        { at: at("2026-01-01T00:00:00Z"), status: "OPERATIONAL" },
        { at: at("2026-01-09T10:00:00Z"), status: "UNDER_MAINTENANCE" },
        { at: at("2026-01-09T12:00:00Z"), status: "MAJOR_OUTAGE" },
        { at: at("2026-01-09T14:00:00Z"), status: "OPERATIONAL" },
      ],
      maintenance: [{ from: at("2026-01-09T10:00:00Z"), to: at("2026-01-09T13:00:00Z") }],
      now,
      days: 2,
      timezone: "UTC",
    });
    const [day] = days;
    expect(day!.maintenanceMs).toBe(3 * HOUR);
    expect(day!.majorOutageMs).toBe(1 * HOUR);
    expect(day!.countedMs).toBe(21 * HOUR);
    expect(day!.uptime).toBeCloseTo(20 / 21);
  });

  test("today counts only up to now", () => {
    const [today] = dailyUptime({
      changes: [{ at: at("2026-01-10T06:00:00Z"), status: "OPERATIONAL" }],
      maintenance: [],
      now,
      days: 1,
      timezone: "UTC",
    });
    expect(today!.countedMs).toBe(6 * HOUR);
  });

  test("days are the organization's local days", () => {
    const days = dailyUptime({
      changes: [{ at: at("2026-01-01T00:00:00Z"), status: "OPERATIONAL" }],
      maintenance: [],
      now: at("2026-01-10T03:00:00Z"),
      days: 1,
      timezone: "America/New_York",
    });
    expect(days[0]!.date).toBe("2026-01-09");
    expect(days[0]!.countedMs).toBe(22 * HOUR);
  });

  test("a day spent entirely in maintenance has no uptime figure", () => {
    const days = dailyUptime({
      changes: [
        { at: at("2026-01-01T00:00:00Z"), status: "OPERATIONAL" },
        { at: at("2026-01-09T00:00:00Z"), status: "UNDER_MAINTENANCE" },
        { at: at("2026-01-10T00:00:00Z"), status: "OPERATIONAL" },
      ],
      maintenance: [],
      now,
      days: 2,
      timezone: "UTC",
    });
    expect(days[0]).toMatchObject({ uptime: null, maintenanceMs: 24 * HOUR, worstStatus: null });
  });
});
