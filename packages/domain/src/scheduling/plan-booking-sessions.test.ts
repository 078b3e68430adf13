import { describe, expect, it } from "vitest";
import { BOOKING_HORIZON_DAYS, planBookingSessions } from "./plan-booking-sessions.js";
import { CSE_ACTIVITIES } from "../entitlements/vocabulary.js";

const d = (iso: string) => new Date(iso);
const now = d("2025-06-02T08:00:00Z");

describe("planBookingSessions: the policy's time commitments", () => {
  it.each([
    ["ALERT_STRATEGIES_WORKSHOP", 60],
    ["AUTOMATION_IDEATION_SESSION", 60],
    ["INTEGRATION_CONSULTATION", 30],
    ["MATURITY_ASSESSMENT", 60],
    ["PRODUCT_ROADMAP_SESSION", 30],
    ["PRODUCT_FEATURE_CONSULTATION", 30],
  ] as const)("books %s as one %i-minute session", (activity, minutes) => {
    const plan = planBookingSessions({ activity, startsAt: d("2025-06-02T10:00:00Z"), now });
    expect(plan).toEqual({
      ok: true,
      sessions: [
        {
          part: "SESSION",
          start: d("2025-06-02T10:00:00Z"),
          end: new Date(d("2025-06-02T10:00:00Z").getTime() + minutes * 60_000),
        },
      ],
    });
  });

  it("books an Incident Lifecycle Assessment as a 60-minute discovery and a 30-minute follow-up", () => {
    const plan = planBookingSessions({
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: d("2025-06-02T10:00:00Z"),
      followUpStartsAt: d("2025-06-09T14:00:00Z"),
      now,
    });
    expect(plan).toEqual({
      ok: true,
      sessions: [
        { part: "DISCOVERY", start: d("2025-06-02T10:00:00Z"), end: d("2025-06-02T11:00:00Z") },
        { part: "FOLLOW_UP", start: d("2025-06-09T14:00:00Z"), end: d("2025-06-09T14:30:00Z") },
      ],
    });
  });

  it("lets the follow-up start right when the discovery ends", () => {
    const plan = planBookingSessions({
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: d("2025-06-02T10:00:00Z"),
      followUpStartsAt: d("2025-06-02T11:00:00Z"),
      now,
    });
    expect(plan.ok).toBe(true);
  });

  it("refuses a follow-up that starts before the discovery has ended", () => {
    const plan = planBookingSessions({
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: d("2025-06-02T10:00:00Z"),
      followUpStartsAt: d("2025-06-02T10:59:00Z"),
      now,
    });
    expect(plan).toMatchObject({
      ok: false,
      problems: [{ field: "followUpStartsAt", code: "FOLLOW_UP_BEFORE_DISCOVERY_ENDS" }],
    });
  });

  it("asks for the follow-up of an Incident Lifecycle Assessment", () => {
    const plan = planBookingSessions({
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: d("2025-06-02T10:00:00Z"),
      now,
    });
    expect(plan).toEqual({
      ok: false,
      reason: "INVALID_SESSION_TIMES",
      problems: [
        {
          field: "followUpStartsAt",
          code: "FOLLOW_UP_REQUIRED",
          message: "is required: One 60-minute discovery and one 30 minute follow-up session",
        },
      ],
    });
  });

  it.each(CSE_ACTIVITIES.filter((a) => a !== "INCIDENT_LIFECYCLE_ASSESSMENT"))(
    "refuses a follow-up for %s, which is a single session",
    (activity) => {
      const plan = planBookingSessions({
        activity,
        startsAt: d("2025-06-02T10:00:00Z"),
        followUpStartsAt: d("2025-06-03T10:00:00Z"),
        now,
      });
      expect(plan).toMatchObject({
        ok: false,
        problems: [{ field: "followUpStartsAt", code: "FOLLOW_UP_NOT_OFFERED" }],
      });
    },
  );

  it("refuses a start that is not in the future, naming every bad time at once", () => {
    const plan = planBookingSessions({
      activity: "INCIDENT_LIFECYCLE_ASSESSMENT",
      startsAt: now,
      followUpStartsAt: d("2025-06-02T07:00:00Z"),
      now,
    });
    expect(plan).toMatchObject({
      ok: false,
      problems: [
        { field: "startsAt", code: "NOT_IN_FUTURE", message: "must be in the future" },
        { field: "followUpStartsAt", code: "NOT_IN_FUTURE" },
        { field: "followUpStartsAt", code: "FOLLOW_UP_BEFORE_DISCOVERY_ENDS" },
      ],
    });
  });

  it("refuses starts off the minute and beyond the booking horizon", () => {
    expect(
      planBookingSessions({ activity: "INTEGRATION_CONSULTATION", startsAt: d("2025-06-02T10:00:30Z"), now }),
    ).toMatchObject({ ok: false, problems: [{ field: "startsAt", code: "NOT_ON_WHOLE_MINUTE" }] });
    const tooFar = new Date(now.getTime() + (BOOKING_HORIZON_DAYS + 1) * 86_400_000);
    expect(planBookingSessions({ activity: "INTEGRATION_CONSULTATION", startsAt: tooFar, now })).toMatchObject({
      ok: false,
      problems: [{ field: "startsAt", code: "TOO_FAR_AHEAD" }],
    });
  });

  it("treats an invalid instant as a bug", () => {
    expect(() =>
      planBookingSessions({ activity: "INTEGRATION_CONSULTATION", startsAt: new Date(Number.NaN), now }),
    ).toThrow(RangeError);
  });
});
