import { describe, expect, test } from "vitest";
import { mergeAccessRules } from "./audience.js";

describe("mergeAccessRules", () => {
  test("a higher module declares the audience of the fields it adds to a lower module's type", () => {
    const merged = mergeAccessRules([
      { Incident: { id: "PUBLIC", title: "PUBLIC" } },
      { Incident: { recentChanges: "STAFF" } },
    ]);
    expect(merged).toEqual({ Incident: { id: "PUBLIC", title: "PUBLIC", recentChanges: "STAFF" } });
  });

  test("a field declared by two modules is refused", () => {
    expect(() => mergeAccessRules([{ Incident: { title: "PUBLIC" } }, { Incident: { title: "STAFF" } }])).toThrow(
      "The audience of Incident.title is declared twice",
    );
  });
});
