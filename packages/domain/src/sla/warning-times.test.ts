import { describe, expect, test } from "vitest";
import { warningTimes } from "./warning-times.js";

const at = (iso: string) => new Date(iso);

describe("warningTimes", () => {
  test("warns 30 and 10 minutes before the due time, earliest first", () => {
    expect(warningTimes(at("2025-05-05T12:00:00Z"), [10, 30], at("2025-05-05T10:00:00Z"))).toEqual([
      at("2025-05-05T11:30:00Z"),
      at("2025-05-05T11:50:00Z"),
    ]);
  });

  test("warnings that are already past are not sent late", () => {
    expect(warningTimes(at("2025-05-05T12:00:00Z"), [30, 10], at("2025-05-05T11:40:00Z"))).toEqual([
      at("2025-05-05T11:50:00Z"),
    ]);
  });

  test("a warning due right now is still sent", () => {
    expect(warningTimes(at("2025-05-05T12:00:00Z"), [30], at("2025-05-05T11:30:00Z"))).toEqual([
      at("2025-05-05T11:30:00Z"),
    ]);
  });

  test("the same lead listed twice warns once", () => {
    expect(warningTimes(at("2025-05-05T12:00:00Z"), [15, 15], at("2025-05-05T10:00:00Z"))).toHaveLength(1);
  });

  test("nothing is left to warn about once the ticket is overdue", () => {
    expect(warningTimes(at("2025-05-05T12:00:00Z"), [30, 10], at("2025-05-05T12:05:00Z"))).toEqual([]);
  });
});
