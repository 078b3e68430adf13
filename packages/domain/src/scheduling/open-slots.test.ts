import { describe, expect, it } from "vitest";
import type { EngineerCalendar } from "./engineers-available.js";
import { openSlots } from "./open-slots.js";
import { DEFAULT_WORKING_HOURS } from "./weekly-hours.js";

const d = (iso: string) => new Date(iso);
const ana: EngineerCalendar = { id: "ana", hours: DEFAULT_WORKING_HOURS, busy: [] };
const ben: EngineerCalendar = { id: "ben", hours: DEFAULT_WORKING_HOURS, busy: [] };
const starts = (slots: ReturnType<typeof openSlots>) => slots.map((s) => s.start.toISOString().slice(11, 16));

describe("openSlots", () => {
  it("offers every half hour of a working day at which a session fits, with how many CSEs could take it", () => {
    const slots = openSlots({
      engineers: [ana, ben],
      from: d("2025-06-02T00:00:00Z"),
      to: d("2025-06-03T00:00:00Z"),
      durationMinutes: 60,
      after: d("2025-06-01T00:00:00Z"),
    });
    expect(slots).toHaveLength(15);
    expect(slots[0]).toEqual({ start: d("2025-06-02T09:00:00Z"), end: d("2025-06-02T10:00:00Z"), engineers: 2 });
  });

  it("leaves out times every CSE is booked and counts fewer CSEs where one is", () => {
    const busy = [{ start: d("2025-06-02T10:00:00Z"), end: d("2025-06-02T11:00:00Z") }];
    const slots = openSlots({
      engineers: [
        { ...ana, busy },
        { ...ben, busy },
      ],
      from: d("2025-06-02T09:00:00Z"),
      to: d("2025-06-02T12:00:00Z"),
      durationMinutes: 30,
      after: d("2025-06-01T00:00:00Z"),
    });
    expect(starts(slots)).toEqual(["09:00", "09:30", "11:00", "11:30"]);
    const oneBusy = openSlots({
      engineers: [{ ...ana, busy }, ben],
      from: d("2025-06-02T10:00:00Z"),
      to: d("2025-06-02T10:30:00Z"),
      durationMinutes: 30,
      after: d("2025-06-01T00:00:00Z"),
    });
    expect(oneBusy).toEqual([{ start: d("2025-06-02T10:00:00Z"), end: d("2025-06-02T10:30:00Z"), engineers: 1 }]);
  });

  it("never offers a time that has already begun", () => {
    const slots = openSlots({
      engineers: [ana],
      from: d("2025-06-02T09:00:00Z"),
      to: d("2025-06-02T11:00:00Z"),
      durationMinutes: 30,
      after: d("2025-06-02T09:30:00Z"),
    });
    expect(starts(slots)).toEqual(["10:00", "10:30"]);
  });

  it("offers nothing without CSEs", () => {
    expect(
      openSlots({
        engineers: [],
        from: d("2025-06-02T09:00:00Z"),
        to: d("2025-06-02T11:00:00Z"),
        durationMinutes: 30,
        after: d("2025-06-01T00:00:00Z"),
      }),
    ).toEqual([]);
  });
});
