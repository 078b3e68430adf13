import { expect, test } from "vitest";
import { publicUpdateTimes } from "./public-update-times.js";

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00.000Z`);

test("only public updates count towards the cadence; internal notes are left out", () => {
  const updates = [
    { createdAt: at("09:07"), visibility: "PUBLIC" as const },
    { createdAt: at("09:12"), visibility: "INTERNAL" as const },
    { createdAt: at("09:20"), visibility: "PUBLIC" as const },
  ];
  expect(publicUpdateTimes(updates)).toEqual([at("09:07"), at("09:20")]);
});

test("an incident with internal notes only has no public updates", () => {
  expect(publicUpdateTimes([{ createdAt: at("09:07"), visibility: "INTERNAL" }])).toEqual([]);
});
