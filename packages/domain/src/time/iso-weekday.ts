/** ISO weekdays: 1 = Monday … 7 = Sunday, as luxon's `DateTime.weekday` numbers them. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export type IsoWeekday = (typeof ISO_WEEKDAYS)[number];

export function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}

/** The working week of every default here: business days, default SLA hours, default CSE hours. */
export const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const satisfies readonly IsoWeekday[];
