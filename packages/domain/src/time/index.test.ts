import { expect, it } from "vitest";
import * as time from "./index.js";

it("offers weekdays and times of day from one entry point", () => {
  expect(Object.keys(time).sort()).toEqual(
    [
      "END_OF_DAY",
      "ISO_WEEKDAYS",
      "checkWeeklyRange",
      "formatTimeOfDay",
      "isIsoWeekday",
      "localDate",
      "localInstant",
      "parseTimeOfDay",
      "plusWallClockSeconds",
    ].sort(),
  );
});
