import { expect, test } from "vitest";
import { RateLimiter } from "./rate-limit.js";

test("a key may send its rate in a burst, then waits for tokens to refill", () => {
  const limiter = new RateLimiter(60);
  for (let i = 0; i < 60; i++) expect(limiter.take("k", 0)).toEqual({ allowed: true });
  expect(limiter.take("k", 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  expect(limiter.take("other", 0)).toEqual({ allowed: true });
  expect(limiter.take("k", 1_000)).toEqual({ allowed: true });
});
