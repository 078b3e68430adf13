import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { contractYearAt, type ContractYearResult } from "./contract-year-at.js";

const d = (iso: string) => new Date(iso);

function year(result: ContractYearResult) {
  if (!result.ok) throw new Error(`expected a contract year, got ${result.reason}`);
  return {
    start: result.start.toISOString(),
    end: result.end.toISOString(),
    index: result.index,
  };
}

describe("contractYearAt", () => {
  it("runs the first contract year from the subscription start date to its first anniversary", () => {
    expect(year(contractYearAt("2025-03-15", "UTC", d("2025-08-01T12:00:00Z")))).toEqual({
      start: "2025-03-15T00:00:00.000Z",
      end: "2026-03-15T00:00:00.000Z",
      index: 0,
    });
  });

  it("starts a new contract year, with fresh caps, at local midnight of the anniversary", () => {
    // Paris is UTC+1 in March: local midnight of 15 March is 23:00Z on the 14th.
    expect(year(contractYearAt("2024-03-15", "Europe/Paris", d("2025-03-14T22:59:59.999Z"))).index).toBe(0);
    expect(year(contractYearAt("2024-03-15", "Europe/Paris", d("2025-03-14T23:00:00.000Z")))).toEqual({
      start: "2025-03-14T23:00:00.000Z",
      end: "2026-03-14T23:00:00.000Z",
      index: 1,
    });
  });

  it("follows daylight saving time: the year and its anniversary start at local midnight under different offsets", () => {
    // New York switched to summer time on 10 March 2024 at 02:00, but on 9 March in 2025.
    expect(year(contractYearAt("2024-03-10", "America/New_York", d("2024-12-25T00:00:00Z")))).toEqual({
      start: "2024-03-10T05:00:00.000Z",
      end: "2025-03-10T04:00:00.000Z",
      index: 0,
    });
  });

  it("starts the year at the first instant of the day where local midnight does not exist", () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    expect(year(contractYearAt("2020-09-08", "America/Santiago", d("2024-10-01T00:00:00Z")))).toMatchObject({
      start: "2024-09-08T04:00:00.000Z",
      index: 4,
    });
  });

  it("has no contract year before the subscription starts", () => {
    expect(contractYearAt("2025-03-15", "America/New_York", d("2025-03-15T03:59:59.999Z"))).toEqual({
      ok: false,
      reason: "BEFORE_SUBSCRIPTION",
      subscriptionStart: d("2025-03-15T04:00:00.000Z"),
    });
    expect(year(contractYearAt("2025-03-15", "America/New_York", d("2025-03-15T04:00:00.000Z"))).index).toBe(0);
  });

  describe("a subscription starting on 29 February", () => {
    it("renews on 28 February in common years", () => {
      expect(year(contractYearAt("2024-02-29", "UTC", d("2025-06-01T00:00:00Z")))).toEqual({
        start: "2025-02-28T00:00:00.000Z",
        end: "2026-02-28T00:00:00.000Z",
        index: 1,
      });
    });

    it("returns to 29 February in leap years rather than drifting to the 28th", () => {
      expect(year(contractYearAt("2024-02-29", "UTC", d("2028-02-28T12:00:00Z")))).toEqual({
        start: "2027-02-28T00:00:00.000Z",
        end: "2028-02-29T00:00:00.000Z",
        index: 3,
      });
      expect(year(contractYearAt("2024-02-29", "UTC", d("2028-02-29T00:00:00Z"))).start).toBe(
        "2028-02-29T00:00:00.000Z",
      );
    });
  });

  it("treats a malformed date or unknown time zone as a bug", () => {
    const at = d("2025-01-01T00:00:00Z");
    expect(() => contractYearAt("2025-02-30", "UTC", at)).toThrow(RangeError);
    expect(() => contractYearAt("20250101", "UTC", at)).toThrow(RangeError);
    expect(() => contractYearAt("2025-01-01", "Mars/Olympus_Mons", at)).toThrow(RangeError);
    expect(() => contractYearAt("2025-01-01", "UTC", new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("contract-year arithmetic, for any subscription, time zone and instant", () => {
  const zones = [
    "UTC",
    "America/New_York",
    "America/Santiago",
    "America/St_Johns",
    "Europe/London",
    "Europe/Paris",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Kiritimati",
  ];
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const anyDate = fc
    .record({
      year: fc.integer({ min: 1990, max: 2060 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ year, month, day }) => DateTime.utc(year, month, day).isValid)
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`);
  const leapDay = fc
    .integer({ min: 1992, max: 2060 })
    .filter((y) => y % 4 === 0)
    .map((y) => `${y}-02-29`);
  const subscription = fc.oneof(anyDate, leapDay);
  const zone = fc.constantFrom(...zones);
  const offsetMs = fc.integer({
    min: -2 * 366 * 86_400_000,
    max: 60 * 366 * 86_400_000,
  });

  function subscriptionStart(date: string, tz: string): number {
    return DateTime.fromISO(date, { zone: tz }).startOf("day").toMillis();
  }

  it("puts `at` inside [start, end), and only refuses instants before the subscription", () => {
    fc.assert(
      fc.property(subscription, zone, offsetMs, (date, tz, offset) => {
        const at = new Date(subscriptionStart(date, tz) + offset);
        const result = contractYearAt(date, tz, at);
        expect(result.ok).toBe(offset >= 0);
        if (result.ok) {
          expect(result.start.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(at.getTime()).toBeLessThan(result.end.getTime());
        }
      }),
    );
  });

  it("makes consecutive contract years abut, with no gap and no overlap", () => {
    fc.assert(
      fc.property(
        subscription,
        zone,
        offsetMs.filter((o) => o >= 0),
        (date, tz, offset) => {
          const current = year(contractYearAt(date, tz, new Date(subscriptionStart(date, tz) + offset)));
          const next = year(contractYearAt(date, tz, new Date(current.end)));
          expect(next.start).toBe(current.end);
          expect(next.index).toBe(current.index + 1);
          if (current.index > 0) {
            const previous = year(contractYearAt(date, tz, new Date(new Date(current.start).getTime() - 1)));
            expect(previous.end).toBe(current.start);
            expect(previous.index).toBe(current.index - 1);
          }
        },
      ),
    );
  });

  it("always starts a contract year at the beginning of an anniversary of the subscription date", () => {
    fc.assert(
      fc.property(
        subscription,
        zone,
        offsetMs.filter((o) => o >= 0),
        (date, tz, offset) => {
          const result = year(contractYearAt(date, tz, new Date(subscriptionStart(date, tz) + offset)));
          const local = DateTime.fromISO(result.start, { zone: tz });
          const [y, m, dd] = date.split("-").map(Number) as [number, number, number];
          const anniversaryYear = y + result.index;
          const leap = DateTime.utc(anniversaryYear, 1, 1).isInLeapYear;
          const expectedDay = m === 2 && dd === 29 && !leap ? 28 : dd;
          expect([local.year, local.month, local.day]).toEqual([anniversaryYear, m, expectedDay]);
          expect(local.toMillis()).toBe(local.startOf("day").toMillis());
        },
      ),
    );
  });

  it("gives a 29 February subscription years of 365 or 366 days that start on 29 February exactly in leap years", () => {
    fc.assert(
      fc.property(leapDay, fc.integer({ min: 0, max: 40 }), (date, index) => {
        const startOfYear = DateTime.fromISO(date, { zone: "UTC" }).plus({
          years: index,
          days: 1,
        });
        const result = year(contractYearAt(date, "UTC", startOfYear.toJSDate()));
        expect(result.index).toBe(index);
        const start = DateTime.fromISO(result.start, { zone: "UTC" });
        expect(start.day).toBe(start.isInLeapYear ? 29 : 28);
        const days = DateTime.fromISO(result.end, { zone: "UTC" }).diff(start, "days").days;
        expect([365, 366]).toContain(days);
      }),
    );
  });
});
