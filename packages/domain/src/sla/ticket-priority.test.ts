import { expect, test } from "vitest";
import { isTicketPriority, TICKET_PRIORITIES } from "./ticket-priority.js";

test("priorities are listed most urgent first", () => {
  expect(TICKET_PRIORITIES).toEqual(["P1", "P2", "P3", "P4"]);
});

test("only P1 to P4 are priorities", () => {
  expect(isTicketPriority("P2")).toBe(true);
  expect(isTicketPriority("P5")).toBe(false);
  expect(isTicketPriority("p1")).toBe(false);
});
