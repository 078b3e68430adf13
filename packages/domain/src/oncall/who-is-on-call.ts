import { layerOnCallAt } from "./layer-on-call.js";
import type { Schedule } from "./schedule.js";

export type OnCallSource = "override" | { layer: string };
export type OnCall = { userId: string; source: OnCallSource };

/**
 * Who a schedule pages at `at`: an override first (the one listed last wins, as the most
 * recent), then the last-listed layer with someone on call; null when nobody is.
 */
export function whoIsOnCall(schedule: Schedule, at: Date): OnCall | null {
  const t = at.getTime();
  for (let i = schedule.overrides.length - 1; i >= 0; i -= 1) {
    const override = schedule.overrides[i];
    if (override !== undefined && override.start.getTime() <= t && t < override.end.getTime()) {
      return { userId: override.userId, source: "override" };
    }
  }
  for (let i = schedule.layers.length - 1; i >= 0; i -= 1) {
    const layer = schedule.layers[i];
    const userId = layer === undefined ? null : layerOnCallAt(layer, schedule.timezone, at);
    if (layer !== undefined && userId !== null) return { userId, source: { layer: layer.name } };
  }
  return null;
}
