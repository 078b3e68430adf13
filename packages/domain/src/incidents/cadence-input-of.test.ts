import { describe, expect, test } from "vitest";
import { UTC_CALENDAR } from "../calendar/index.js";
import { cadenceInputOf } from "./cadence-input-of.js";

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00.000Z`);
const incident = { reportedAt: at("09:00"), impactAssessedAt: at("09:04"), resolvedAt: at("11:00") };

describe("cadenceInputOf", () => {
  test("takes each report's publication time by its kind", () => {
    const input = cadenceInputOf(
      incident,
      [at("09:10")],
      [
        { kind: "POST_INCIDENT", publishedAt: at("15:00") },
        { kind: "PRELIMINARY", publishedAt: at("12:00") },
      ],
      UTC_CALENDAR,
    );
    expect(input).toEqual({
      reportedAt: at("09:00"),
      impactAssessedAt: at("09:04"),
      publicUpdateTimes: [at("09:10")],
      resolvedAt: at("11:00"),
      preliminaryPublishedAt: at("12:00"),
      postIncidentPublishedAt: at("15:00"),
      calendar: UTC_CALENDAR,
    });
  });

  test("a report not yet published leaves its obligation open", () => {
    const input = cadenceInputOf(incident, [], [{ kind: "PRELIMINARY", publishedAt: at("12:00") }], UTC_CALENDAR);
    expect(input.preliminaryPublishedAt).toEqual(at("12:00"));
    expect(input.postIncidentPublishedAt).toBeNull();
  });
});
