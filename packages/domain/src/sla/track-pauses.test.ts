import { describe, expect, test } from "vitest";
import { trackPauses } from "./track-pauses.js";

const at = (iso: string) => new Date(iso);

describe("trackPauses", () => {
  test("waiting on the customer opens a pause", () => {
    expect(trackPauses([], "OPEN", "PENDING_CUSTOMER", at("2025-05-05T10:00:00Z"))).toEqual([
      { from: at("2025-05-05T10:00:00Z"), to: null },
    ]);
  });

  test("the customer's reply closes it", () => {
    const open = [{ from: at("2025-05-05T10:00:00Z"), to: null }];
    expect(trackPauses(open, "PENDING_CUSTOMER", "OPEN", at("2025-05-05T11:00:00Z"))).toEqual([
      { from: at("2025-05-05T10:00:00Z"), to: at("2025-05-05T11:00:00Z") },
    ]);
  });

  test("other changes leave pauses alone", () => {
    expect(trackPauses([], "NEW", "OPEN", at("2025-05-05T10:00:00Z"))).toEqual([]);
  });
});
