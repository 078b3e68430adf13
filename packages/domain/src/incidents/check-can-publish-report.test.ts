import { describe, expect, test } from "vitest";
import { checkCanPublishReport } from "./check-can-publish-report.js";

const resolvedAt = new Date("2026-03-02T10:00:00Z");

describe("checkCanPublishReport", () => {
  test("no report can be published while the incident is open", () => {
    for (const kind of ["PRELIMINARY", "POST_INCIDENT"] as const) {
      expect(checkCanPublishReport(kind, { resolvedAt: null, publishedKinds: [] })).toEqual({
        allowed: false,
        code: "INCIDENT_NOT_RESOLVED",
        reason: expect.stringContaining("resolved"),
      });
    }
  });

  test("a preliminary report can be published once the incident is resolved", () => {
    expect(checkCanPublishReport("PRELIMINARY", { resolvedAt, publishedKinds: [] })).toEqual({ allowed: true });
  });

  test("the post-incident report can follow the preliminary one", () => {
    expect(
      checkCanPublishReport("POST_INCIDENT", {
        resolvedAt,
        publishedKinds: ["PRELIMINARY"],
      }),
    ).toEqual({ allowed: true });
  });

  test("the post-incident report does not have to wait for a preliminary one", () => {
    expect(
      checkCanPublishReport("POST_INCIDENT", {
        resolvedAt,
        publishedKinds: [],
      }),
    ).toEqual({ allowed: true });
  });

  test("each report is published only once", () => {
    expect(
      checkCanPublishReport("PRELIMINARY", {
        resolvedAt,
        publishedKinds: ["PRELIMINARY"],
      }),
    ).toMatchObject({
      allowed: false,
      code: "REPORT_ALREADY_PUBLISHED",
    });
    expect(
      checkCanPublishReport("POST_INCIDENT", {
        resolvedAt,
        publishedKinds: ["PRELIMINARY", "POST_INCIDENT"],
      }),
    ).toMatchObject({
      allowed: false,
      code: "REPORT_ALREADY_PUBLISHED",
    });
  });

  test("a preliminary report cannot come after the post-incident report it would only summarize", () => {
    expect(
      checkCanPublishReport("PRELIMINARY", {
        resolvedAt,
        publishedKinds: ["POST_INCIDENT"],
      }),
    ).toEqual({
      allowed: false,
      code: "SUPERSEDED_BY_POST_INCIDENT_REPORT",
      reason: expect.stringContaining("post-incident report is already published"),
    });
  });
});
