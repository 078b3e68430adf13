import { CSE_ACTIVITY_DETAILS, type SessionPart } from "../entitlements/activity-details.js";
import type { CseActivity } from "../entitlements/vocabulary.js";

/** One call on a CSE's calendar, [start, end). */
export type PlannedSession = { readonly part: SessionPart; readonly start: Date; readonly end: Date };

export type SessionPlanProblem = {
  readonly field: "startsAt" | "followUpStartsAt";
  readonly code:
    | "NOT_IN_FUTURE"
    | "TOO_FAR_AHEAD"
    | "NOT_ON_WHOLE_MINUTE"
    | "FOLLOW_UP_REQUIRED"
    | "FOLLOW_UP_NOT_OFFERED"
    | "FOLLOW_UP_BEFORE_DISCOVERY_ENDS";
  readonly message: string;
};

export type SessionPlan =
  | { ok: true; sessions: PlannedSession[] }
  | { ok: false; reason: "INVALID_SESSION_TIMES"; problems: SessionPlanProblem[] };

export type SessionPlanRequest = {
  readonly activity: CseActivity;
  readonly startsAt: Date;
  readonly followUpStartsAt?: Date | null | undefined;
  /** The moment of booking: sessions must start after it. */
  readonly now: Date;
};

/** How far ahead a session may be booked: the current contract year and the next one, at most. */
export const BOOKING_HORIZON_DAYS = 2 * 366;

const MINUTE = 60_000;

/**
 * The calls a booking of `activity` takes, from the policy's time commitment: one session, or for an
 * Incident Lifecycle Assessment a 60-minute discovery then a 30-minute follow-up (one booking, one use).
 * Every problem with the requested times is named, so the customer can fix them all at once.
 */
export function planBookingSessions(request: SessionPlanRequest): SessionPlan {
  const { activity, startsAt, now } = request;
  const followUpStartsAt = request.followUpStartsAt ?? null;
  if ([startsAt, now, followUpStartsAt].some((d) => d !== null && Number.isNaN(d.getTime())))
    throw new RangeError("planBookingSessions: invalid instant");
  const parts = CSE_ACTIVITY_DETAILS[activity].timeCommitment.sessions;
  const problems: SessionPlanProblem[] = [];
  const check = (field: SessionPlanProblem["field"], at: Date) => {
    if (at.getTime() <= now.getTime())
      problems.push({ field, code: "NOT_IN_FUTURE", message: "must be in the future" });
    else if (at.getTime() > now.getTime() + BOOKING_HORIZON_DAYS * 1440 * MINUTE)
      problems.push({
        field,
        code: "TOO_FAR_AHEAD",
        message: `must be within ${BOOKING_HORIZON_DAYS} days from now`,
      });
    if (at.getTime() % MINUTE !== 0)
      problems.push({ field, code: "NOT_ON_WHOLE_MINUTE", message: "must be on a whole minute" });
  };
  check("startsAt", startsAt);
  const first = parts[0];
  const followUp = parts[1];
  if (!first) throw new Error(`${activity} has no time commitment`);
  const sessions: PlannedSession[] = [
    { part: first.part, start: startsAt, end: new Date(startsAt.getTime() + first.durationMinutes * MINUTE) },
  ];
  if (followUp) {
    if (followUpStartsAt === null) {
      problems.push({
        field: "followUpStartsAt",
        code: "FOLLOW_UP_REQUIRED",
        message: `is required: ${CSE_ACTIVITY_DETAILS[activity].timeCommitment.text}`,
      });
    } else {
      check("followUpStartsAt", followUpStartsAt);
      if (followUpStartsAt.getTime() < sessions[0]!.end.getTime())
        problems.push({
          field: "followUpStartsAt",
          code: "FOLLOW_UP_BEFORE_DISCOVERY_ENDS",
          message: `must be at or after the end of the ${first.durationMinutes}-minute discovery`,
        });
      sessions.push({
        part: followUp.part,
        start: followUpStartsAt,
        end: new Date(followUpStartsAt.getTime() + followUp.durationMinutes * MINUTE),
      });
    }
  } else if (followUpStartsAt !== null) {
    problems.push({
      field: "followUpStartsAt",
      code: "FOLLOW_UP_NOT_OFFERED",
      message: `must be left out: ${CSE_ACTIVITY_DETAILS[activity].name} take ${CSE_ACTIVITY_DETAILS[activity].timeCommitment.text.toLowerCase()}`,
    });
  }
  return problems.length > 0 ? { ok: false, reason: "INVALID_SESSION_TIMES", problems } : { ok: true, sessions };
}
