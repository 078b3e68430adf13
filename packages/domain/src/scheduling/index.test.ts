import { expect, it } from "vitest";
import * as scheduling from "./index.js";

it("offers the CSE scheduling rules from one entry point", () => {
  expect(Object.keys(scheduling).sort()).toEqual(
    [
      "DEFAULT_WORKING_HOURS",
      "candidateSlots",
      "isWithinWorkingHours",
      "validateWeeklyHours",
      "BOOKING_HORIZON_DAYS",
      "planBookingSessions",
      "engineersAvailable",
      "overlaps",
      "openSlots",
    ].sort(),
  );
});
