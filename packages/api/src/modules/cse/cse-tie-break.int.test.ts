import { afterEach, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";
import { anAccount, anAlwaysOnCse, book, next } from "../../test/cse-fixtures.js";

let api: TestApi | undefined;
afterEach(() => api?.close());

/** Two CSEs equally free at the same time; which one takes the booking is the random source's choice. */
async function bookWithTwoFreeCses(random: () => number) {
  api = await startTestApi({ random });
  const first = await anAlwaysOnCse(api);
  const second = await anAlwaysOnCse(api);
  const account = await anAccount(api);
  const res = await book(api, {
    accountId: account.id,
    activity: "INTEGRATION_CONSULTATION",
    startsAt: next(api, 3, "10:00", 2),
  });
  expect(res.errors).toBeUndefined();
  return { chosen: res.data!["bookSession"].cse.id as string, first: first.id, second: second.id };
}

test("the CSE tie-break draws from the injected random source: low picks the first free CSE", async () => {
  const { chosen, first } = await bookWithTwoFreeCses(() => 0);
  expect(chosen).toBe(first);
});

test("the CSE tie-break draws from the injected random source: high picks the last free CSE", async () => {
  const { chosen, second } = await bookWithTwoFreeCses(() => 0.999);
  expect(chosen).toBe(second);
});
