import type { WeeklyRange } from "../time/weekly-range.js";
import type { TicketPriority } from "./ticket-priority.js";

/** One working range on one weekday, in the schedule's time zone; "24:00" may end a range. */
export type SlaWeeklyRange = WeeklyRange;

export type SlaSchedule =
  | { kind: "24x7" }
  | {
      kind: "BUSINESS_HOURS";
      /** IANA name, e.g. "Europe/Berlin"; ranges and holidays are local to it. */
      timezone: string;
      weekly: readonly SlaWeeklyRange[];
      /** Local calendar dates "YYYY-MM-DD" with no working time at all. */
      holidays: readonly string[];
    };

export type SlaPolicy = {
  priority: TicketPriority;
  /** Working minutes from ticket creation to the first agent response. */
  firstResponseMinutes: number;
  /** Working minutes from a customer follow-up to the next agent response. */
  nextResponseMinutes: number;
  schedule: SlaSchedule;
};
