import { describe, expect, test } from "vitest";
import { restrictionsCover } from "./restriction-covers.js";

const at = (iso: string) => new Date(iso);

describe("restrictionsCover", () => {
  test("a layer without restrictions is always active", () => {
    expect(restrictionsCover(undefined, "UTC", at("2025-01-01T03:00:00Z"))).toBe(true);
    expect(restrictionsCover([], "UTC", at("2025-01-01T03:00:00Z"))).toBe(true);
  });

  test("a daily 09:00–17:00 restriction follows local office hours", () => {
    const office = [{ startTimeOfDay: "09:00", durationSeconds: 8 * 3600 }];
    // Berlin in January is UTC+1.
    expect(restrictionsCover(office, "Europe/Berlin", at("2025-01-15T07:59:59Z"))).toBe(false);
    expect(restrictionsCover(office, "Europe/Berlin", at("2025-01-15T08:00:00Z"))).toBe(true);
    expect(restrictionsCover(office, "Europe/Berlin", at("2025-01-15T15:59:59Z"))).toBe(true);
    expect(restrictionsCover(office, "Europe/Berlin", at("2025-01-15T16:00:00Z"))).toBe(false);
  });

  test("a weekly restriction can span the whole weekend", () => {
    const weekend = [{ weekday: 5 as const, startTimeOfDay: "17:00", durationSeconds: 64 * 3600 }];
    expect(restrictionsCover(weekend, "UTC", at("2025-01-17T16:59:00Z"))).toBe(false); // Friday
    expect(restrictionsCover(weekend, "UTC", at("2025-01-19T23:00:00Z"))).toBe(true); // Sunday night
    expect(restrictionsCover(weekend, "UTC", at("2025-01-20T09:00:00Z"))).toBe(false); // Monday 09:00
    expect(restrictionsCover(weekend, "UTC", at("2025-01-22T20:00:00Z"))).toBe(false); // Wednesday evening
  });

  test("a night shift ends at 08:00 local even on the night clocks spring forward", () => {
    const nights = [{ startTimeOfDay: "22:00", durationSeconds: 10 * 3600 }];
    // Berlin: Saturday 29 March 22:00 CET → Sunday 30 March 08:00 CEST (06:00Z).
    expect(restrictionsCover(nights, "Europe/Berlin", at("2025-03-29T21:00:00Z"))).toBe(true);
    expect(restrictionsCover(nights, "Europe/Berlin", at("2025-03-30T05:59:59Z"))).toBe(true);
    expect(restrictionsCover(nights, "Europe/Berlin", at("2025-03-30T06:00:00Z"))).toBe(false);
  });
});
