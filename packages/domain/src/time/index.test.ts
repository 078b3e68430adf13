import { expect, it } from "vitest";
import * as time from "./index.js";

it("offers weekdays and times of day from one entry point", () => {
  expect(Object.keys(time).sort()).toEqual(
    [
      "END_OF_DAY",
      "ISO_WEEKDAYS",
      "MONDAY_TO_FRIDAY",
      "checkWeeklyRange",
      "formatTimeOfDay",
      "isIsoWeekday",
      "intervalsOnLocalDate",
      "localDate",
      "mergeIntervals",
      "localInstant",
      "parseTimeOfDay",
      "plusWallClockSeconds",
    ].sort(),
  );
});
