import { describe, expect, test } from "vitest";
import { listInWords } from "./list-in-words.js";

describe("listInWords", () => {
  test("one name stands alone, two are joined with and, more with commas and a final and", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["API"])).toBe("API");
    expect(listInWords(["API", "Email"])).toBe("API and Email");
    expect(listInWords(["API", "Email", "Webhooks"])).toBe("API, Email and Webhooks");
  });
});
