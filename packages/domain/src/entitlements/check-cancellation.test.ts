import { describe, expect, it } from "vitest";
import { checkCancellation } from "./check-cancellation.js";

const d = (iso: string) => new Date(iso);

describe("checkCancellation", () => {
  it("allows cancelling a confirmed booking before it starts", () => {
    expect(
      checkCancellation({ status: "CONFIRMED", startsAt: d("2025-06-02T10:00:00Z") }, d("2025-06-02T09:59:59Z")),
    ).toEqual({
      allowed: true,
    });
  });

  it("refuses once the session has begun: it was used", () => {
    expect(
      checkCancellation({ status: "CONFIRMED", startsAt: d("2025-06-02T10:00:00Z") }, d("2025-06-02T10:00:00Z")),
    ).toMatchObject({ allowed: false, reason: "ALREADY_STARTED" });
  });

  it("refuses cancelling twice", () => {
    expect(
      checkCancellation({ status: "CANCELLED", startsAt: d("2025-06-02T10:00:00Z") }, d("2025-06-01T10:00:00Z")),
    ).toMatchObject({ allowed: false, reason: "ALREADY_CANCELLED" });
  });
});
