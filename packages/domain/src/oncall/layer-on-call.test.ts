import { describe, expect, test } from "vitest";
import { layerOnCallAt } from "./layer-on-call.js";
import type { Layer } from "./schedule.js";

const at = (iso: string) => new Date(iso);
const DAY = 86_400;
const layer = (overrides: Partial<Layer> = {}): Layer => ({
  name: "Primary",
  start: at("2025-01-06T09:00:00Z"),
  rotationTurnLengthSeconds: DAY,
  users: ["ana", "ben", "chloé"],
  ...overrides,
});

describe("layerOnCallAt", () => {
  test("users take turns in the listed order and start over", () => {
    const days = ["2025-01-06", "2025-01-07", "2025-01-08", "2025-01-09"];
    expect(days.map((d) => layerOnCallAt(layer(), "UTC", at(`${d}T12:00:00Z`)))).toEqual([
      "ana",
      "ben",
      "chloé",
      "ana",
    ]);
  });

  test("a layer that has ended puts nobody on call", () => {
    const ended = layer({ end: at("2025-01-08T09:00:00Z") });
    expect(layerOnCallAt(ended, "UTC", at("2025-01-08T08:59:59Z"))).toBe("ben");
    expect(layerOnCallAt(ended, "UTC", at("2025-01-08T09:00:00Z"))).toBeNull();
  });

  test("outside its restrictions the layer puts nobody on call, yet turns keep counting", () => {
    const office = layer({ restrictions: [{ startTimeOfDay: "10:00", durationSeconds: 8 * 3600 }] });
    expect(layerOnCallAt(office, "UTC", at("2025-01-07T09:30:00Z"))).toBeNull();
    expect(layerOnCallAt(office, "UTC", at("2025-01-07T10:00:00Z"))).toBe("ben");
  });

  test("a layer with no users puts nobody on call", () => {
    expect(layerOnCallAt(layer({ users: [] }), "UTC", at("2025-01-07T12:00:00Z"))).toBeNull();
  });
});
