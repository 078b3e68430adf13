import { isValidTimeZone } from "../calendar/is-valid-time-zone.js";
import { isIsoWeekday } from "../time/iso-weekday.js";
import { parseTimeOfDay } from "../time/time-of-day.js";
import type { Schedule } from "./schedule.js";

export type ScheduleProblem =
  | { code: "INVALID_TIMEZONE"; timezone: string }
  | { code: "NO_LAYERS" }
  | { code: "DUPLICATE_LAYER_NAME"; layer: string }
  | { code: "NO_USERS"; layer: string }
  | { code: "NON_POSITIVE_TURN_LENGTH"; layer: string; seconds: number }
  | { code: "LAYER_ENDS_BEFORE_START"; layer: string }
  | { code: "INVALID_RESTRICTION_WEEKDAY"; layer: string; weekday: number }
  | { code: "INVALID_RESTRICTION_TIME"; layer: string; value: string }
  | { code: "INVALID_RESTRICTION_DURATION"; layer: string; durationSeconds: number; maxSeconds: number }
  | { code: "OVERRIDE_WITHOUT_USER"; index: number }
  | { code: "OVERRIDE_ENDS_BEFORE_START"; index: number };

export type ScheduleValidation = { valid: true } | { valid: false; problems: readonly ScheduleProblem[] };

const DAY_SECONDS = 86_400;

/** Everything that would make `whoIsOnCall` wrong or ambiguous, all at once. */
export function validateSchedule(schedule: Schedule): ScheduleValidation {
  const problems: ScheduleProblem[] = [];
  if (!isValidTimeZone(schedule.timezone)) problems.push({ code: "INVALID_TIMEZONE", timezone: schedule.timezone });
  if (schedule.layers.length === 0) problems.push({ code: "NO_LAYERS" });

  const seen = new Set<string>();
  for (const layer of schedule.layers) {
    // The layer name is how an on-call answer says where it came from, so it must be unique.
    if (seen.has(layer.name)) problems.push({ code: "DUPLICATE_LAYER_NAME", layer: layer.name });
    seen.add(layer.name);
    if (layer.users.length === 0 || layer.users.some((u) => u.trim() === ""))
      problems.push({ code: "NO_USERS", layer: layer.name });
    const seconds = layer.rotationTurnLengthSeconds;
    if (!Number.isInteger(seconds) || seconds <= 0)
      problems.push({ code: "NON_POSITIVE_TURN_LENGTH", layer: layer.name, seconds });
    if (layer.end !== undefined && !(layer.end.getTime() > layer.start.getTime())) {
      problems.push({ code: "LAYER_ENDS_BEFORE_START", layer: layer.name });
    }
    for (const r of layer.restrictions ?? []) {
      if (r.weekday !== undefined && !isIsoWeekday(r.weekday)) {
        problems.push({ code: "INVALID_RESTRICTION_WEEKDAY", layer: layer.name, weekday: r.weekday });
      }
      if (parseTimeOfDay(r.startTimeOfDay) === null) {
        problems.push({ code: "INVALID_RESTRICTION_TIME", layer: layer.name, value: r.startTimeOfDay });
      }
      // As in PagerDuty, a daily window lasts at most a day and a weekly one at most a week.
      const maxSeconds = r.weekday === undefined ? DAY_SECONDS : 7 * DAY_SECONDS;
      if (!(r.durationSeconds > 0 && r.durationSeconds <= maxSeconds)) {
        problems.push({
          code: "INVALID_RESTRICTION_DURATION",
          layer: layer.name,
          durationSeconds: r.durationSeconds,
          maxSeconds,
        });
      }
    }
  }

  schedule.overrides.forEach((o, index) => {
    if (o.userId.trim() === "") problems.push({ code: "OVERRIDE_WITHOUT_USER", index });
    if (!(o.end.getTime() > o.start.getTime())) problems.push({ code: "OVERRIDE_ENDS_BEFORE_START", index });
  });
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}
