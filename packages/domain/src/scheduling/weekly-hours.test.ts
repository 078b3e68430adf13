import { describe, expect, it } from "vitest";
import { DEFAULT_WORKING_HOURS } from "./weekly-hours.js";

describe("DEFAULT_WORKING_HOURS", () => {
  it("has a CSE work Monday to Friday, 09:00 to 17:00 UTC", () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({
      timezone: "UTC",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        start: "09:00",
        end: "17:00",
      })),
    });
  });
});
