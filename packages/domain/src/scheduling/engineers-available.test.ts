import { describe, expect, it } from "vitest";
import { engineersAvailable, type EngineerCalendar } from "./engineers-available.js";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "./weekly-hours.js";

const d = (iso: string) => new Date(iso);
const range = (start: string, end: string) => ({ start: d(start), end: d(end) });
const tokyo: WorkingHours = {
  timezone: "Asia/Tokyo",
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday: weekday as 1, start: "09:00", end: "17:00" })),
};
// Monday 2 June 2025: 10:00Z is 19:00 in Tokyo, 01:00Z is 10:00 in Tokyo.
const ana: EngineerCalendar = { id: "ana", hours: DEFAULT_WORKING_HOURS, busy: [] };
const ben: EngineerCalendar = { id: "ben", hours: DEFAULT_WORKING_HOURS, busy: [] };
const kenji: EngineerCalendar = { id: "kenji", hours: tokyo, busy: [] };

describe("engineersAvailable", () => {
  it("offers the CSEs whose working hours, in their own time zone, hold the session", () => {
    expect(engineersAvailable([ana, kenji], [range("2025-06-02T10:00:00Z", "2025-06-02T10:30:00Z")])).toEqual({
      working: ["ana"],
      free: ["ana"],
      leastBusy: ["ana"],
    });
    expect(engineersAvailable([ana, kenji], [range("2025-06-02T01:00:00Z", "2025-06-02T01:30:00Z")])).toEqual({
      working: ["kenji"],
      free: ["kenji"],
      leastBusy: ["kenji"],
    });
  });

  it("finds nobody outside every CSE's working hours", () => {
    expect(engineersAvailable([ana, kenji], [range("2025-06-01T10:00:00Z", "2025-06-01T10:30:00Z")])).toEqual({
      working: [],
      free: [],
      leastBusy: [],
    });
  });

  it("keeps a CSE who is working but already booked out of the free list", () => {
    const busyAna = { ...ana, busy: [range("2025-06-02T10:15:00Z", "2025-06-02T11:15:00Z")] };
    expect(engineersAvailable([busyAna, ben], [range("2025-06-02T10:00:00Z", "2025-06-02T10:30:00Z")])).toEqual({
      working: ["ana", "ben"],
      free: ["ben"],
      leastBusy: ["ben"],
    });
  });

  it("lets back-to-back sessions touch", () => {
    const busyAna = { ...ana, busy: [range("2025-06-02T09:30:00Z", "2025-06-02T10:00:00Z")] };
    expect(engineersAvailable([busyAna], [range("2025-06-02T10:00:00Z", "2025-06-02T10:30:00Z")]).free).toEqual([
      "ana",
    ]);
  });

  it("gives both calls of a two-part booking to one CSE who is free for both", () => {
    const busyAna = { ...ana, busy: [range("2025-06-03T14:00:00Z", "2025-06-03T15:00:00Z")] };
    const sessions = [
      range("2025-06-02T10:00:00Z", "2025-06-02T11:00:00Z"),
      range("2025-06-03T14:00:00Z", "2025-06-03T14:30:00Z"),
    ];
    expect(engineersAvailable([busyAna, ben], sessions).free).toEqual(["ben"]);
  });

  it("puts the least busy CSE first", () => {
    const busyAna = { ...ana, busy: [range("2025-06-02T13:00:00Z", "2025-06-02T14:00:00Z")] };
    const availability = engineersAvailable([busyAna, ben], [range("2025-06-02T10:00:00Z", "2025-06-02T10:30:00Z")]);
    expect(availability.free).toEqual(["ben", "ana"]);
    expect(availability.leastBusy).toEqual(["ben"]);
  });

  it("names every CSE tied for least busy", () => {
    const session = [range("2025-06-02T10:00:00Z", "2025-06-02T10:30:00Z")];
    expect(engineersAvailable([ana, ben], session).leastBusy).toEqual(["ana", "ben"]);
  });
});
