import { describe, expect, test } from "vitest";
import { unknownPlaceholders } from "./template-placeholders.js";

describe("unknownPlaceholders", () => {
  test("the three placeholders of the contract are known, with or without spaces inside the braces", () => {
    expect(unknownPlaceholders("{{incident.title}}: {{ components }} by {{nextUpdateDueAt}}")).toEqual([]);
  });

  test("names each unknown or misspelt placeholder once, in order", () => {
    expect(unknownPlaceholders("{{incident.name}} {{Components}} {{incident.name}} {{}}")).toEqual([
      "incident.name",
      "Components",
      "",
    ]);
  });

  test("text without double braces has none", () => {
    expect(unknownPlaceholders("Sets {a} and {b}, nothing else")).toEqual([]);
  });
});
