import { describe, expect, test } from "vitest";
import { SEVERITIES } from "./incident-vocabulary.js";
import { MAJOR_SEVERITIES, becomesMajor, isMajor } from "./is-major.js";

describe("isMajor", () => {
  test("SEV1 and SEV2 are major incidents; SEV3 and SEV4 are not", () => {
    expect(SEVERITIES.map(isMajor)).toEqual([true, true, false, false]);
  });

  test("MAJOR_SEVERITIES lists exactly the severities isMajor accepts, for queries that filter by them", () => {
    expect(MAJOR_SEVERITIES).toEqual(SEVERITIES.filter(isMajor));
  });
});

describe("becomesMajor", () => {
  test("raising a SEV3 or SEV4 to SEV1 or SEV2 makes the incident major", () => {
    expect(becomesMajor("SEV3", "SEV2")).toBe(true);
    expect(becomesMajor("SEV4", "SEV1")).toBe(true);
  });

  test("a change between major severities does not: the liaison is already assigned", () => {
    expect(becomesMajor("SEV2", "SEV1")).toBe(false);
    expect(becomesMajor("SEV1", "SEV2")).toBe(false);
  });

  test("lowering, keeping, or moving between minor severities does not", () => {
    expect(becomesMajor("SEV1", "SEV3")).toBe(false);
    expect(becomesMajor("SEV3", "SEV3")).toBe(false);
    expect(becomesMajor("SEV4", "SEV3")).toBe(false);
    expect(becomesMajor("SEV2", "SEV2")).toBe(false);
  });
});
