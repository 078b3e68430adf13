import { describe, expect, test } from "vitest";
import { type SlaSample, slaStats } from "./sla-stats.js";

const p1 = (firstResponseMinutes: number | null, targetMinutes = 120): SlaSample => ({
  priority: "P1",
  firstResponseMinutes,
  targetMinutes,
});

describe("slaStats", () => {
  const samples = [15, 20, 35, 40, 50, 130].map((m) => p1(m)).concat([p1(null)]);

  test("reports every priority, most urgent first, even without tickets", () => {
    const rows = slaStats([]);
    expect(rows.map((r) => r.priority)).toEqual(["P1", "P2", "P3", "P4"]);
    expect(rows[3]).toEqual({
      priority: "P4",
      count: 0,
      responded: 0,
      medianMinutes: null,
      p90Minutes: null,
      targetMinutes: null,
      shareMet: null,
    });
  });

  test("median and p90 come from answered tickets, interpolated linearly by default", () => {
    const [row] = slaStats(samples);
    expect(row).toMatchObject({ count: 7, responded: 6, medianMinutes: 37.5, targetMinutes: 120 });
    expect(row?.p90Minutes).toBeCloseTo(90);
  });

  test("nearest rank reports response times that really happened", () => {
    const [row] = slaStats(samples, "NEAREST_RANK");
    expect(row).toMatchObject({ medianMinutes: 35, p90Minutes: 130 });
  });

  test("an unanswered ticket counts against the share met", () => {
    const [row] = slaStats(samples);
    expect(row?.shareMet).toBeCloseTo(5 / 7);
  });

  test("when the target changed within the period, the one most tickets had is reported", () => {
    const [row] = slaStats([p1(10, 60), p1(10, 120), p1(10, 120)]);
    expect(row?.targetMinutes).toBe(120);
    const [tie] = slaStats([p1(10, 60), p1(10, 120)]);
    expect(tie?.targetMinutes).toBe(60);
  });

  test("a response within each ticket's own target counts as met", () => {
    const [row] = slaStats([p1(90, 60), p1(90, 120)]);
    expect(row?.shareMet).toBe(0.5);
  });
});
