import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { type BusinessCalendar, UTC_CALENDAR } from "./business-calendar.js";
import { endOfNthBusinessDayAfter } from "./end-of-nth-business-day-after.js";
import { isBusinessDay } from "./is-business-day.js";
import { localDateOf } from "./local-date-of.js";

const calendar = (overrides: Partial<BusinessCalendar>): BusinessCalendar => ({
  ...UTC_CALENDAR,
  ...overrides,
});
const local = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd HH:mm:ss.SSS ZZ");
const NEW_YORK = calendar({
  timezone: "America/New_York",
  holidayRegion: "US",
});
const BERLIN = calendar({ timezone: "Europe/Berlin", holidayRegion: "DE" });

describe("endOfNthBusinessDayAfter", () => {
  test("a Tuesday resolution is due at the end of Wednesday", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-03T10:00:00Z"), 1)).toEqual(
      new Date("2026-03-04T23:59:59.999Z"),
    );
  });

  test("a Friday resolution is due at the end of Monday", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-06T15:00:00Z"), 1)).toEqual(
      new Date("2026-03-09T23:59:59.999Z"),
    );
  });

  test("five business days after a Friday is the following Friday", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-06T15:00:00Z"), 5)).toEqual(
      new Date("2026-03-13T23:59:59.999Z"),
    );
  });

  test("a weekend resolution counts from Monday", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-07T09:00:00Z"), 1)).toEqual(
      new Date("2026-03-09T23:59:59.999Z"),
    );
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-08T23:59:59.999Z"), 1)).toEqual(
      new Date("2026-03-09T23:59:59.999Z"),
    );
  });

  test("a resolution in the last millisecond of a day still counts from that day", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-03T23:59:59.999Z"), 1)).toEqual(
      new Date("2026-03-04T23:59:59.999Z"),
    );
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-03-04T00:00:00.000Z"), 1)).toEqual(
      new Date("2026-03-05T23:59:59.999Z"),
    );
  });

  test("an organization's extra holiday pushes the deadline", () => {
    const cal = calendar({ holidays: ["2026-03-09"] });
    expect(endOfNthBusinessDayAfter(cal, new Date("2026-03-06T15:00:00Z"), 1)).toEqual(
      new Date("2026-03-10T23:59:59.999Z"),
    );
  });

  test("the local date decides: Friday evening in New York is Saturday in UTC but still counts as Friday", () => {
    const fridayEvening = new Date("2026-03-07T01:00:00Z");
    expect(local(endOfNthBusinessDayAfter(NEW_YORK, fridayEvening, 1), "America/New_York")).toBe(
      "2026-03-09 23:59:59.999 -04:00",
    );
  });

  test("the local date decides: Saturday 01:00 in Tokyo counts from Saturday, though UTC still says Friday", () => {
    const cal = calendar({ timezone: "Asia/Tokyo" });
    expect(endOfNthBusinessDayAfter(cal, new Date("2026-03-06T16:00:00Z"), 1)).toEqual(
      new Date("2026-03-09T14:59:59.999Z"),
    );
  });

  test("New York's spring-forward weekend: the deadline is 23:59:59.999 EDT, one hour earlier in UTC", () => {
    const deadline = endOfNthBusinessDayAfter(NEW_YORK, new Date("2026-03-06T17:00:00Z"), 1);
    expect(deadline).toEqual(new Date("2026-03-10T03:59:59.999Z"));
    expect(local(deadline, "America/New_York")).toBe("2026-03-09 23:59:59.999 -04:00");
  });

  test("New York's fall-back weekend: the deadline is 23:59:59.999 EST", () => {
    const deadline = endOfNthBusinessDayAfter(NEW_YORK, new Date("2026-10-30T16:00:00Z"), 1);
    expect(deadline).toEqual(new Date("2026-11-03T04:59:59.999Z"));
    expect(local(deadline, "America/New_York")).toBe("2026-11-02 23:59:59.999 -05:00");
  });

  test("Berlin's clocks change on a Sunday; Monday's deadline is in summer time", () => {
    const deadline = endOfNthBusinessDayAfter(BERLIN, new Date("2026-03-27T09:00:00Z"), 1);
    expect(local(deadline, "Europe/Berlin")).toBe("2026-03-30 23:59:59.999 +02:00");
    const autumn = endOfNthBusinessDayAfter(BERLIN, new Date("2026-10-23T09:00:00Z"), 1);
    expect(local(autumn, "Europe/Berlin")).toBe("2026-10-26 23:59:59.999 +01:00");
  });

  test("Easter week in Berlin: Good Friday and Easter Monday are skipped", () => {
    const maundyThursday = new Date("2026-04-02T12:00:00Z");
    expect(local(endOfNthBusinessDayAfter(BERLIN, maundyThursday, 1), "Europe/Berlin")).toBe(
      "2026-04-07 23:59:59.999 +02:00",
    );
    expect(local(endOfNthBusinessDayAfter(BERLIN, maundyThursday, 5), "Europe/Berlin")).toBe(
      "2026-04-13 23:59:59.999 +02:00",
    );
  });

  test("Thanksgiving week in New York with the Friday off as well", () => {
    const cal = { ...NEW_YORK, holidays: ["2026-11-27"] };
    const wednesday = new Date("2026-11-25T15:00:00Z");
    expect(local(endOfNthBusinessDayAfter(NEW_YORK, wednesday, 1), "America/New_York")).toBe(
      "2026-11-27 23:59:59.999 -05:00",
    );
    expect(local(endOfNthBusinessDayAfter(cal, wednesday, 1), "America/New_York")).toBe(
      "2026-11-30 23:59:59.999 -05:00",
    );
  });

  test("year end in New York: New Year's Day is skipped and the deadline lands in the next year", () => {
    const newYearsEve = new Date("2026-12-31T20:00:00Z");
    expect(endOfNthBusinessDayAfter(NEW_YORK, newYearsEve, 1)).toEqual(new Date("2027-01-05T04:59:59.999Z"));
    expect(local(endOfNthBusinessDayAfter(NEW_YORK, newYearsEve, 5), "America/New_York")).toBe(
      "2027-01-08 23:59:59.999 -05:00",
    );
  });

  test("year end when New Year's Day is observed on the Friday before", () => {
    // January 1, 2022 was a Saturday: US offices closed on Friday, December 31, 2021.
    const thursday = new Date("2021-12-30T15:00:00Z");
    expect(local(endOfNthBusinessDayAfter(NEW_YORK, thursday, 1), "America/New_York")).toBe(
      "2022-01-03 23:59:59.999 -05:00",
    );
  });

  test("year end in UTC without a region: December 31 and January 1 are ordinary weekdays", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2026-12-30T10:00:00Z"), 2)).toEqual(
      new Date("2027-01-01T23:59:59.999Z"),
    );
  });

  test("February 29 is a day like any other in a leap year", () => {
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2024-02-28T10:00:00Z"), 1)).toEqual(
      new Date("2024-02-29T23:59:59.999Z"),
    );
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2024-02-29T10:00:00Z"), 1)).toEqual(
      new Date("2024-03-01T23:59:59.999Z"),
    );
    expect(endOfNthBusinessDayAfter(UTC_CALENDAR, new Date("2023-02-28T10:00:00Z"), 1)).toEqual(
      new Date("2023-03-01T23:59:59.999Z"),
    );
  });

  test("throws when n is not a positive whole number", () => {
    const instant = new Date("2026-03-03T10:00:00Z");
    for (const n of [0, -1, 1.5, Number.NaN])
      expect(() => endOfNthBusinessDayAfter(UTC_CALENDAR, instant, n)).toThrow(RangeError);
  });

  test("throws when the calendar's time zone is unknown", () => {
    const cal = calendar({ timezone: "Mars/Olympus_Mons" });
    expect(() => endOfNthBusinessDayAfter(cal, new Date("2026-03-03T10:00:00Z"), 1)).toThrow(RangeError);
  });
});

describe("endOfNthBusinessDayAfter, for any instant, zone, region and holidays", () => {
  const ZONES = [
    "UTC",
    "America/New_York",
    "America/Los_Angeles",
    "Europe/Berlin",
    "Europe/London",
    "Asia/Tokyo",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Kiritimati",
    "America/St_Johns",
    "America/Sao_Paulo",
    "America/Santiago",
  ];
  const cases = fc
    .record({
      instant: fc.date({
        min: new Date("2000-01-01T00:00:00Z"),
        max: new Date("2040-12-31T23:59:59.999Z"),
        noInvalidDate: true,
      }),
      timezone: fc.constantFrom(...ZONES),
      holidayRegion: fc.constantFrom(null, "US", "DE", "GB", "FR", "JP"),
      holidayOffsets: fc.array(fc.integer({ min: 0, max: 30 }), {
        maxLength: 12,
      }),
      n: fc.integer({ min: 1, max: 10 }),
    })
    .map(({ instant, timezone, holidayRegion, holidayOffsets, n }) => {
      // Extra holidays just after the instant, where they can actually push the deadline.
      const start = DateTime.fromISO(localDateOf(instant, timezone), {
        zone: "UTC",
      });
      const holidays = holidayOffsets.map((days) => start.plus({ days }).toFormat("yyyy-MM-dd"));
      return {
        instant,
        n,
        cal: { timezone, holidays, holidayRegion } satisfies BusinessCalendar,
      };
    });

  test("the deadline never lands on a weekend or a holiday", () => {
    fc.assert(
      fc.property(cases, ({ instant, n, cal }) => {
        expect(isBusinessDay(cal, localDateOf(endOfNthBusinessDayAfter(cal, instant, n), cal.timezone))).toBe(true);
      }),
    );
  });

  test("the deadline is always after the instant", () => {
    fc.assert(
      fc.property(cases, ({ instant, n, cal }) => {
        expect(endOfNthBusinessDayAfter(cal, instant, n).getTime()).toBeGreaterThan(instant.getTime());
      }),
    );
  });

  test("the deadline is always 23:59:59.999 local time", () => {
    fc.assert(
      fc.property(cases, ({ instant, n, cal }) => {
        const local = DateTime.fromJSDate(endOfNthBusinessDayAfter(cal, instant, n), { zone: cal.timezone });
        expect(local.toFormat("HH:mm:ss.SSS")).toBe("23:59:59.999");
        expect(local.plus({ milliseconds: 1 }).toFormat("HH:mm:ss.SSS")).toMatch(/^0[01]:00:00\.000$/);
      }),
    );
  });

  test("exactly n business days lie between the instant's date and the deadline", () => {
    fc.assert(
      fc.property(cases, ({ instant, n, cal }) => {
        const last = localDateOf(endOfNthBusinessDayAfter(cal, instant, n), cal.timezone);
        let day = DateTime.fromISO(localDateOf(instant, cal.timezone), {
          zone: "UTC",
        }).plus({ days: 1 });
        let counted = 0;
        while (day.toFormat("yyyy-MM-dd") <= last) {
          if (isBusinessDay(cal, day.toFormat("yyyy-MM-dd"))) counted++;
          day = day.plus({ days: 1 });
        }
        expect(counted).toBe(n);
      }),
    );
  });

  test("one more business day always means a later deadline", () => {
    fc.assert(
      fc.property(cases, ({ instant, n, cal }) => {
        expect(endOfNthBusinessDayAfter(cal, instant, n + 1).getTime()).toBeGreaterThan(
          endOfNthBusinessDayAfter(cal, instant, n).getTime(),
        );
      }),
    );
  });
});
