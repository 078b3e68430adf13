import { describe, expect, test } from "vitest";
import { isKnownHolidayRegion } from "./is-known-holiday-region.js";

describe("isKnownHolidayRegion", () => {
  test.each(["US", "DE", "GB", "FR", "JP", "us", "DE-BY", "de-by", "DE.BY", "US-CA", "US.LA.NO", "US-LA-NO"])(
    "knows %s",
    (region) => {
      expect(isKnownHolidayRegion(region)).toBe(true);
    },
  );

  test.each(["", "XX", "USA", "DE-XX", "US-CA-XX", "US-LA-NO-X", "US-", "-US", "U S", "__proto__", "constructor"])(
    "does not know %j",
    (region) => {
      expect(isKnownHolidayRegion(region)).toBe(false);
    },
  );
});
