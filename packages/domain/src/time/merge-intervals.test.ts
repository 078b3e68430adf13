import { expect, test } from "vitest";
import { mergeIntervals } from "./merge-intervals.js";

test("joins intervals that overlap or touch, and keeps apart those with a gap", () => {
  expect(
    mergeIntervals([
      { start: 0, end: 10 },
      { start: 5, end: 8 },
      { start: 10, end: 20 },
      { start: 21, end: 30 },
      { start: 25, end: Infinity },
    ]),
  ).toEqual([
    { start: 0, end: 20 },
    { start: 21, end: Infinity },
  ]);
});

test("leaves its input alone", () => {
  const input = [
    { start: 0, end: 10 },
    { start: 10, end: 20 },
  ];
  mergeIntervals(input);
  expect(input).toEqual([
    { start: 0, end: 10 },
    { start: 10, end: 20 },
  ]);
});
