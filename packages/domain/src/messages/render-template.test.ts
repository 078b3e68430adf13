import { describe, expect, test } from "vitest";
import { renderTemplate, type TemplateValues } from "./render-template.js";

const now = new Date("2026-11-29T15:01:00Z");
const values: TemplateValues = {
  incidentTitle: "Checkout is slow",
  componentNames: ["API", "Webhooks"],
  nextUpdateDueAt: new Date("2026-11-29T15:16:00Z"),
  timezone: "America/New_York",
  now,
};

describe("renderTemplate", () => {
  test("fills the title, the components and the next update's time in the page's zone", () => {
    expect(
      renderTemplate("{{incident.title}}: {{components}} affected. Next update by {{ nextUpdateDueAt }}.", values),
    ).toEqual({ ok: true, text: "Checkout is slow: API and Webhooks affected. Next update by 10:16 EST." });
  });

  test("an incident without components speaks of our services", () => {
    expect(renderTemplate("Trouble with {{components}}.", { ...values, componentNames: [] })).toEqual({
      ok: true,
      text: "Trouble with our services.",
    });
  });

  test("a next update after local midnight names its day", () => {
    const late = {
      ...values,
      now: new Date("2026-11-30T04:50:00Z"),
      nextUpdateDueAt: new Date("2026-11-30T05:05:00Z"),
    };
    expect(renderTemplate("By {{nextUpdateDueAt}}.", late)).toEqual({ ok: true, text: "By 00:05 EST tomorrow." });
  });

  test("text put in is not read for placeholders again", () => {
    expect(renderTemplate("{{incident.title}}", { ...values, incidentTitle: "Odd {{components}} title" })).toEqual({
      ok: true,
      text: "Odd {{components}} title",
    });
  });

  test("text without placeholders comes back as it is", () => {
    expect(renderTemplate("All clear.", values)).toEqual({ ok: true, text: "All clear." });
  });

  test("refuses an unknown placeholder instead of publishing it", () => {
    expect(renderTemplate("{{incident.name}} is down", values)).toEqual({
      ok: false,
      reason: "UNKNOWN_PLACEHOLDER",
      message: expect.stringContaining("{{incident.name}}"),
    });
  });

  test("refuses the next update's time once none is due", () => {
    expect(renderTemplate("Next update by {{nextUpdateDueAt}}.", { ...values, nextUpdateDueAt: null })).toEqual({
      ok: false,
      reason: "NO_NEXT_UPDATE",
      message: expect.stringContaining("resolved"),
    });
  });
});
