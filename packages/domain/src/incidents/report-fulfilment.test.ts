import { describe, expect, test } from "vitest";
import { preliminaryReportMetAt } from "./report-fulfilment.js";

const at = (hhmm: string, day = "2026-03-03") => new Date(`${day}T${hhmm}:00.000Z`);

describe("preliminaryReportMetAt", () => {
  test("is unmet while neither report is out", () => {
    expect(preliminaryReportMetAt(null, null)).toBeNull();
  });

  test("is met when the preliminary report is published", () => {
    expect(preliminaryReportMetAt(at("10:00"), null)).toEqual(at("10:00"));
  });

  test("is met by a post-incident report published without a preliminary one", () => {
    expect(preliminaryReportMetAt(null, at("16:00"))).toEqual(at("16:00"));
  });

  test("is met by whichever report came first", () => {
    expect(preliminaryReportMetAt(at("10:00"), at("16:00"))).toEqual(at("10:00"));
    expect(preliminaryReportMetAt(at("16:00"), at("10:00"))).toEqual(at("10:00"));
  });
});
