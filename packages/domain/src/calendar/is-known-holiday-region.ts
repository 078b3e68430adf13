import Holidays from "date-holidays";

let catalogue: Holidays | undefined;

/**
 * True when date-holidays knows the region: a country ("US"), optionally with a state and
 * a region ("DE-BY", "US.LA.NO"), in any letter case.
 */
export function isKnownHolidayRegion(region: string): boolean {
  const parts = region.split(/[.-]/).map((part) => part.toUpperCase());
  if (parts.length > 3 || parts.some((part) => !/^[A-Z0-9]+$/.test(part))) return false;
  const [country, state, subRegion] = parts;
  catalogue ??= new Holidays();
  if (country === undefined || !hasKey(catalogue.getCountries(), country)) return false;
  if (state === undefined) return true;
  if (!hasKey(catalogue.getStates(country), state)) return false;
  if (subRegion === undefined) return true;
  return hasKey(catalogue.getRegions(country, state), subRegion);
}

// date-holidays answers undefined (despite its types) where a country has no states.
function hasKey(names: Record<string, string> | undefined, code: string): boolean {
  return Object.keys(names ?? {}).some((key) => key.toUpperCase() === code);
}
