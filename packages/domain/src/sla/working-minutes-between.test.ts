import { describe, expect, test } from "vitest";
import type { SlaSchedule } from "./sla-policy.js";
import { workingMinutesBetween } from "./working-minutes-between.js";

const at = (iso: string) => new Date(iso);
const london: SlaSchedule = {
  kind: "BUSINESS_HOURS",
  timezone: "Europe/London",
  weekly: [
    { weekday: 1, start: "09:00", end: "12:00" },
    { weekday: 1, start: "11:00", end: "13:00" },
    { weekday: 6, start: "00:00", end: "24:00" },
    { weekday: 7, start: "00:00", end: "24:00" },
  ],
  holidays: ["2025-12-27"],
};

describe("workingMinutesBetween", () => {
  test("around the clock, it is elapsed minutes", () => {
    expect(workingMinutesBetween({ kind: "24x7" }, at("2025-01-01T00:00:00Z"), at("2025-01-01T01:30:30Z"))).toBe(90.5);
  });

  test("overlapping ranges on the same day are not counted twice", () => {
    expect(workingMinutesBetween(london, at("2025-01-06T00:00:00Z"), at("2025-01-07T00:00:00Z"))).toBe(4 * 60);
  });

  test("a day that gains an hour when clocks go back has 25 working hours", () => {
    // Sunday 26 October 2025: London falls back from BST to GMT.
    expect(workingMinutesBetween(london, at("2025-10-25T23:00:00Z"), at("2025-10-27T00:00:00Z"))).toBe(25 * 60);
  });

  test("a holiday contributes nothing", () => {
    // Saturday 27 December is a holiday, Sunday 28 is not.
    expect(workingMinutesBetween(london, at("2025-12-27T00:00:00Z"), at("2025-12-29T00:00:00Z"))).toBe(24 * 60);
  });

  test("paused spans are left out", () => {
    const paused = [
      { from: at("2025-01-01T00:10:00Z"), to: at("2025-01-01T00:20:00Z") },
      { from: at("2025-01-01T00:15:00Z"), to: at("2025-01-01T00:30:00Z") },
    ];
    expect(
      workingMinutesBetween({ kind: "24x7" }, at("2025-01-01T00:00:00Z"), at("2025-01-01T01:00:00Z"), paused),
    ).toBe(40);
  });

  test("it is negative when the end comes first, so lateness reads as minus", () => {
    expect(workingMinutesBetween({ kind: "24x7" }, at("2025-01-01T01:00:00Z"), at("2025-01-01T00:45:00Z"))).toBe(-15);
  });
});
