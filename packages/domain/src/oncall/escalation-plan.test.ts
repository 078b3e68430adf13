import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { escalationPlan } from "./escalation-plan.js";
import type { EscalationPolicy } from "./escalation-policy.js";

const at = (iso: string) => new Date(iso);
const minutesAfter = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);
const start = at("2025-02-03T14:00:00Z");

// The seed's setup: the support on-call first, the support managers as the escalation point.
const supportPolicy: EscalationPolicy = {
  levels: [
    { timeoutMinutes: 30, targets: [{ kind: "schedule", scheduleId: "support-primary" }] },
    {
      timeoutMinutes: 15,
      targets: [
        { kind: "user", userId: "manager-mia" },
        { kind: "user", userId: "manager-max" },
      ],
    },
  ],
  repeats: 1,
};
const primaryIsAna = () => "ana";

describe("escalationPlan", () => {
  test("each level is paged after the previous level's timeout, then the policy repeats", () => {
    expect(escalationPlan(supportPolicy, start, primaryIsAna)).toEqual([
      { level: 1, round: 1, notifyAt: start, userIds: ["ana"] },
      { level: 2, round: 1, notifyAt: minutesAfter(start, 30), userIds: ["manager-mia", "manager-max"] },
      { level: 1, round: 2, notifyAt: minutesAfter(start, 45), userIds: ["ana"] },
      { level: 2, round: 2, notifyAt: minutesAfter(start, 75), userIds: ["manager-mia", "manager-max"] },
    ]);
  });

  test("a schedule is asked who is on call when its level is paged, not when escalation starts", () => {
    const handoffAt = minutesAfter(start, 40);
    const rota = (_id: string, when: Date) => (when < handoffAt ? "ana" : "ben");
    const steps = escalationPlan(supportPolicy, start, rota);
    expect(steps.filter((s) => s.level === 1).map((s) => s.userIds)).toEqual([["ana"], ["ben"]]);
  });

  test("a level with nobody on call is skipped at once instead of waiting out its timeout", () => {
    const gap = () => null;
    expect(escalationPlan({ ...supportPolicy, repeats: 0 }, start, gap)).toEqual([
      { level: 2, round: 1, notifyAt: start, userIds: ["manager-mia", "manager-max"] },
    ]);
  });

  test("someone targeted twice on a level gets one page", () => {
    const policy: EscalationPolicy = {
      levels: [
        {
          timeoutMinutes: 5,
          targets: [
            { kind: "user", userId: "ana" },
            { kind: "schedule", scheduleId: "s" },
          ],
        },
      ],
      repeats: 0,
    };
    expect(escalationPlan(policy, start, primaryIsAna)[0]?.userIds).toEqual(["ana"]);
  });

  test("with everyone reachable, every level of every round is paged at the sum of the timeouts before it", () => {
    const policyArb = fc.record({
      levels: fc.array(
        fc.record({
          timeoutMinutes: fc.integer({ min: 1, max: 120 }),
          targets: fc.constant([{ kind: "schedule" as const, scheduleId: "any" }]),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      repeats: fc.integer({ min: 0, max: 9 }),
    });
    fc.assert(
      fc.property(policyArb, (policy) => {
        const steps = escalationPlan(policy, start, primaryIsAna);
        expect(steps).toHaveLength(policy.levels.length * (policy.repeats + 1));
        let elapsed = 0;
        steps.forEach((step, i) => {
          expect(step.level).toBe((i % policy.levels.length) + 1);
          expect(step.round).toBe(Math.floor(i / policy.levels.length) + 1);
          expect(step.notifyAt).toEqual(minutesAfter(start, elapsed));
          elapsed += policy.levels[step.level - 1]?.timeoutMinutes ?? Number.NaN;
        });
      }),
    );
  });

  test("pages never go back in time, even with gaps in the rota", () => {
    fc.assert(
      fc.property(fc.func(fc.option(fc.constantFrom("ana", "ben"), { nil: null })), (rota) => {
        const steps = escalationPlan(supportPolicy, start, rota);
        for (let i = 1; i < steps.length; i += 1) {
          expect(steps[i]?.notifyAt.getTime()).toBeGreaterThanOrEqual(steps[i - 1]?.notifyAt.getTime() ?? Infinity);
        }
      }),
    );
  });
});
