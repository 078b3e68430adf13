import { describe, expect, test } from "vitest";
import { dateOutOfRangeReason, localDateOutOfRangeReason, unsafeNameReason, unsafeTextReason } from "./validation.js";

describe("text we refuse to store", () => {
  test.each([
    ["a\u0000b", "must not contain the NUL character"],
    ["a\u001bb", "must not contain the control character U+001B"],
    ["a\u0007", "must not contain the control character U+0007"],
    ["a\u007f", "must not contain the control character U+007F"],
    ["a\u0085", "must not contain the control character U+0085"],
    ["a\ud800b", "must not contain a lone surrogate (U+D800)"],
    ["\udfff", "must not contain a lone surrogate (U+DFFF)"],
  ])("%j: %s", (text, reason) => {
    expect(unsafeTextReason(text)).toBe(reason);
  });

  test("tab, line feed, carriage return, emoji (a surrogate pair) and right-to-left scripts are fine", () => {
    expect(unsafeTextReason("a\tb\nc\r\nd 🏊 שלום مرحبا")).toBeNull();
    expect(unsafeNameReason("Datenbank 🏊 שלום")).toBeNull();
  });

  test("names and titles also refuse bidirectional overrides, embeddings and isolates", () => {
    expect(unsafeTextReason("Database \u202Eegatuo")).toBeNull();
    expect(unsafeNameReason("Database \u202Eegatuo")).toBe(
      "must not contain the bidirectional control character U+202E",
    );
    expect(unsafeNameReason("x\u2066y")).toMatch(/U\+2066/);
  });
});

describe("dates we accept at all", () => {
  test("1970 to 2100", () => {
    expect(dateOutOfRangeReason(new Date("1970-01-01T00:00:00Z"))).toBeNull();
    expect(dateOutOfRangeReason(new Date("2100-12-31T23:59:59Z"))).toBeNull();
    expect(dateOutOfRangeReason(new Date("1969-12-31T23:59:59Z"))).toBe("must not be before 1970");
    expect(dateOutOfRangeReason(new Date("2101-01-01T00:00:00Z"))).toBe("must not be after 2100");
    expect(localDateOutOfRangeReason("0001-01-01")).toBe("must not be before 1970");
    expect(localDateOutOfRangeReason("9999-12-31")).toBe("must not be after 2100");
    expect(localDateOutOfRangeReason("not a date")).toBeNull();
  });
});
