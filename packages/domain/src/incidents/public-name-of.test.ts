import { describe, expect, test } from "vitest";
import { publicNameOf } from "./public-name-of.js";

describe("publicNameOf", () => {
  test("is the public title when one is set", () => {
    expect(publicNameOf({ title: "db-primary-3 OOM", publicTitle: "Slow dashboard" })).toBe("Slow dashboard");
  });

  test("is the title otherwise", () => {
    expect(publicNameOf({ title: "Slow dashboard" })).toBe("Slow dashboard");
    expect(publicNameOf({ title: "Slow dashboard", publicTitle: null })).toBe("Slow dashboard");
  });
});
