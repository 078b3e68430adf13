import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateSlots } from "./candidate-slots.js";
import { isWithinWorkingHours } from "./is-within-working-hours.js";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "./weekly-hours.js";

const d = (iso: string) => new Date(iso);
const isos = (dates: Date[]) => dates.map((x) => x.toISOString());

describe("candidateSlots", () => {
  it("offers half-hourly starts for a 60-minute session through a working day, the last ending at 17:00", () => {
    const slots = candidateSlots(DEFAULT_WORKING_HOURS, d("2025-06-02T00:00:00Z"), d("2025-06-03T00:00:00Z"), 60);
    expect(slots).toHaveLength(15);
    expect(slots[0]?.toISOString()).toBe("2025-06-02T09:00:00.000Z");
    expect(slots.at(-1)?.toISOString()).toBe("2025-06-02T16:00:00.000Z");
  });

  it("skips the weekend", () => {
    const slots = candidateSlots(DEFAULT_WORKING_HOURS, d("2025-06-06T16:00:00Z"), d("2025-06-09T10:00:00Z"), 30, 60);
    expect(isos(slots)).toEqual(["2025-06-06T16:00:00.000Z", "2025-06-09T09:00:00.000Z"]);
  });

  it("keeps to the grid of the working range when the window opens at an odd time", () => {
    const slots = candidateSlots(DEFAULT_WORKING_HOURS, d("2025-06-02T15:07:00Z"), d("2025-06-02T17:00:00Z"), 30);
    expect(isos(slots)).toEqual(["2025-06-02T15:30:00.000Z", "2025-06-02T16:00:00.000Z", "2025-06-02T16:30:00.000Z"]);
  });

  it("offers only slots that end by the end of the window", () => {
    const slots = candidateSlots(DEFAULT_WORKING_HOURS, d("2025-06-02T09:00:00Z"), d("2025-06-02T10:30:00Z"), 60);
    expect(isos(slots)).toEqual(["2025-06-02T09:00:00.000Z", "2025-06-02T09:30:00.000Z"]);
  });

  it("follows the CSE's local hours across a daylight saving change", () => {
    const london: WorkingHours = {
      timezone: "Europe/London",
      weekly: [
        { weekday: 5, start: "09:00", end: "10:00" },
        { weekday: 1, start: "09:00", end: "10:00" },
      ],
    };
    // Friday 28 March 2025 is GMT; Monday 31 March is BST (UTC+1).
    expect(isos(candidateSlots(london, d("2025-03-28T00:00:00Z"), d("2025-04-01T00:00:00Z"), 60))).toEqual([
      "2025-03-28T09:00:00.000Z",
      "2025-03-31T08:00:00.000Z",
    ]);
  });

  it("offers nothing for an empty window or a week with no hours", () => {
    expect(candidateSlots(DEFAULT_WORKING_HOURS, d("2025-06-02T12:00:00Z"), d("2025-06-02T12:00:00Z"), 30)).toEqual([]);
    expect(
      candidateSlots({ timezone: "UTC", weekly: [] }, d("2025-06-02T00:00:00Z"), d("2025-06-09T00:00:00Z"), 30),
    ).toEqual([]);
  });

  it("treats a non-positive duration or step as a bug", () => {
    const [from, to] = [d("2025-06-02T00:00:00Z"), d("2025-06-03T00:00:00Z")];
    expect(() => candidateSlots(DEFAULT_WORKING_HOURS, from, to, 0)).toThrow(RangeError);
    expect(() => candidateSlots(DEFAULT_WORKING_HOURS, from, to, 30, -15)).toThrow(RangeError);
  });

  it("offers only slots that are within working hours and the window, in ascending order", () => {
    const zones = ["UTC", "America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({
          min: d("2024-01-01T00:00:00Z"),
          max: d("2026-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 14 * 24 * 60 }),
        fc.constantFrom(30, 60, 90),
        fc.constantFrom(15, 30, 60),
        (timezone, from, windowMinutes, duration, step) => {
          const hours: WorkingHours = {
            timezone,
            weekly: DEFAULT_WORKING_HOURS.weekly,
          };
          const to = new Date(from.getTime() + windowMinutes * 60_000);
          const slots = candidateSlots(hours, from, to, duration, step);
          slots.forEach((slot, i) => {
            const end = new Date(slot.getTime() + duration * 60_000);
            expect(isWithinWorkingHours(hours, slot, end)).toBe(true);
            expect(slot.getTime()).toBeGreaterThanOrEqual(from.getTime());
            expect(end.getTime()).toBeLessThanOrEqual(to.getTime());
            if (i > 0) expect(slot.getTime()).toBeGreaterThan(slots[i - 1]?.getTime() ?? 0);
          });
        },
      ),
    );
  });
});
