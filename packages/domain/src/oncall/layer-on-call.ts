import { restrictionsCover } from "./restriction-covers.js";
import { rotationTurnAt } from "./rotation-turn.js";
import type { Layer } from "./schedule.js";

/** The layer's user on call at `at`, or null outside its dates or restrictions. */
export function layerOnCallAt(layer: Layer, timezone: string, at: Date): string | null {
  if (layer.users.length === 0) return null;
  if (layer.end !== undefined && at.getTime() >= layer.end.getTime()) return null;
  const turn = rotationTurnAt(layer, timezone, at);
  if (turn === null || !restrictionsCover(layer.restrictions, timezone, at)) return null;
  return layer.users[turn % layer.users.length] ?? null;
}
