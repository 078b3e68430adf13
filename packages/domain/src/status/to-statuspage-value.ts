/** Statuspage's JSON spelling of an enum value: "DEGRADED_PERFORMANCE" → "degraded_performance". */
export function toStatuspageValue<T extends string>(enumValue: T): Lowercase<T> {
  return enumValue.toLowerCase() as Lowercase<T>;
}
