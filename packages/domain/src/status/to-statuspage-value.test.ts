import { expect, test } from "vitest";
import { toStatuspageValue } from "./to-statuspage-value.js";

test("enum values are written in Statuspage's lowercase spelling", () => {
  expect(toStatuspageValue("DEGRADED_PERFORMANCE")).toBe("degraded_performance");
  expect(toStatuspageValue("UNDER_MAINTENANCE")).toBe("under_maintenance");
  expect(toStatuspageValue("NONE")).toBe("none");
  expect(toStatuspageValue("INVESTIGATING")).toBe("investigating");
});

test("the lowercase spelling is known to the compiler", () => {
  const value: "major_outage" = toStatuspageValue("MAJOR_OUTAGE");
  expect(value).toBe("major_outage");
});
