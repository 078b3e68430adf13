import { describe, expect, test } from "vitest";
import { DEFAULT_PLAYBOOK_SEVERITIES, playbookApplies } from "./playbook-applies.js";

describe("playbookApplies", () => {
  test("by default a SEV1 or SEV2 report mobilizes, a SEV3 or SEV4 one does not", () => {
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, null, "SEV1")).toBe(true);
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, null, "SEV2")).toBe(true);
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, null, "SEV3")).toBe(false);
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, null, "SEV4")).toBe(false);
  });

  test("raising into the mobilizing severities runs it; moving between them does not run it again", () => {
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, "SEV3", "SEV2")).toBe(true);
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, "SEV2", "SEV1")).toBe(false);
    expect(playbookApplies(DEFAULT_PLAYBOOK_SEVERITIES, "SEV1", "SEV3")).toBe(false);
  });

  test("an organization may mobilize for SEV3 too, or for nothing", () => {
    expect(playbookApplies(["SEV1", "SEV2", "SEV3"], null, "SEV3")).toBe(true);
    expect(playbookApplies([], null, "SEV1")).toBe(false);
  });
});
