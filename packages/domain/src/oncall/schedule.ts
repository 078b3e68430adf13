import type { IsoWeekday } from "../time/iso-weekday.js";

/**
 * When a layer is active, in the schedule's time zone: every day from `startTimeOfDay`
 * (daily restriction) or only from that time on `weekday` (weekly restriction), for
 * `durationSeconds` of wall-clock time.
 */
export type LayerRestriction = { weekday?: IsoWeekday; startTimeOfDay: string; durationSeconds: number };

/** A PagerDuty-style rotation: `users` take turns of `rotationTurnLengthSeconds` from `start`. */
export type Layer = {
  name: string;
  start: Date;
  /** Absent while the layer runs indefinitely. */
  end?: Date;
  rotationTurnLengthSeconds: number;
  users: readonly string[];
  restrictions?: readonly LayerRestriction[];
};

export type ScheduleOverride = { userId: string; start: Date; end: Date };

/** Layers listed later take precedence where they have someone on call; overrides beat every layer. */
export type Schedule = {
  /** IANA name; handoffs and restrictions follow its wall clock. */
  timezone: string;
  layers: readonly Layer[];
  overrides: readonly ScheduleOverride[];
};
