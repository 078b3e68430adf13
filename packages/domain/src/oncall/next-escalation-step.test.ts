import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { EscalationStep } from "./escalation-policy.js";
import { nextEscalationStep } from "./next-escalation-step.js";

const start = Date.parse("2025-02-03T14:00:00Z");
const min = (m: number) => new Date(start + m * 60_000);
const step = (level: number, round: number, minute: number): EscalationStep => ({
  level,
  round,
  notifyAt: min(minute),
  userIds: [`level-${level}`],
});
const plan = [step(1, 1, 0), step(2, 1, 30), step(1, 2, 45), step(2, 2, 75)];

describe("nextEscalationStep", () => {
  test("at the start only the first level is due, the second is next", () => {
    expect(nextEscalationStep(plan, null, min(0))).toEqual({ done: false, due: [plan[0]], next: plan[1] });
  });

  test("without an acknowledgement the escalation climbs to the next level", () => {
    expect(nextEscalationStep(plan, null, min(31))).toEqual({ done: false, due: [plan[0], plan[1]], next: plan[2] });
  });

  test("an acknowledgement stops the climb", () => {
    expect(nextEscalationStep(plan, min(10), min(60))).toEqual({ done: true, reason: "ACKNOWLEDGED", due: [plan[0]] });
  });

  test("acknowledging right when the next level is due spares that level the page", () => {
    expect(nextEscalationStep(plan, min(30), min(30))).toMatchObject({ reason: "ACKNOWLEDGED", due: [plan[0]] });
  });

  test("an acknowledgement that has not happened yet does not stop anything", () => {
    expect(nextEscalationStep(plan, min(50), min(31))).toMatchObject({ done: false, next: plan[2] });
  });

  test("once every level of every round has been paged, the escalation is exhausted", () => {
    expect(nextEscalationStep(plan, null, min(75))).toEqual({ done: true, reason: "EXHAUSTED", due: plan });
  });

  test("a plan with nobody to page is exhausted from the start", () => {
    expect(nextEscalationStep([], null, min(0))).toEqual({ done: true, reason: "EXHAUSTED", due: [] });
  });

  test("nobody is paged at or after the moment someone acknowledged", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (ack, now) => {
        const progress = nextEscalationStep(plan, min(ack), min(now));
        for (const s of progress.due)
          expect(s.notifyAt.getTime()).toBeLessThan(ack <= now ? min(ack).getTime() : Infinity);
      }),
    );
  });
});
