import { describe, expect, test } from "vitest";
import { localDayPhrase } from "./local-day-phrase.js";

const NY = "America/New_York";

describe("localDayPhrase", () => {
  test("says nothing of the day when it is the same local day", () => {
    expect(localDayPhrase(new Date("2026-11-29T15:16:00Z"), new Date("2026-11-29T15:00:00Z"), NY)).toBeNull();
  });

  test("goes by the reader's calendar, not UTC's: 03:00 UTC is still yesterday evening in New York", () => {
    expect(localDayPhrase(new Date("2026-11-30T03:00:00Z"), new Date("2026-11-29T23:00:00Z"), NY)).toBeNull();
    expect(localDayPhrase(new Date("2026-11-30T03:00:00Z"), new Date("2026-11-29T23:00:00Z"), "UTC")).toBe("tomorrow");
  });

  test("says tomorrow and yesterday for the neighbouring days", () => {
    const now = new Date("2026-11-29T15:00:00Z");
    expect(localDayPhrase(new Date("2026-11-30T05:01:00Z"), now, NY)).toBe("tomorrow");
    expect(localDayPhrase(new Date("2026-11-28T20:00:00Z"), now, NY)).toBe("yesterday");
  });

  test("names the weekday and date further away, and the year only when it differs", () => {
    const now = new Date("2026-11-27T15:00:00Z");
    expect(localDayPhrase(new Date("2026-12-01T15:00:00Z"), now, NY)).toBe("on Tue 1 Dec");
    expect(localDayPhrase(new Date("2027-01-04T15:00:00Z"), now, NY)).toBe("on Mon 4 Jan 2027");
  });

  test("counts days, not 24-hour spans, across the change to daylight saving time", () => {
    // Saturday 23:30 EST to Sunday 23:45 EDT: 23 h 15 min of elapsed time, yet the next day.
    expect(localDayPhrase(new Date("2026-03-09T03:45:00Z"), new Date("2026-03-08T04:30:00Z"), NY)).toBe("tomorrow");
  });
});
