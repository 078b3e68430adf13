import { expect, test } from "vitest";
import { QueryFailedError } from "typeorm";
import { createLogger, scrub, type LogLevel } from "./logger.js";

function capture(level: LogLevel) {
  const lines: string[] = [];
  const log = createLogger({ level, destination: { write: (line: string) => void lines.push(line) } });
  return { log, text: () => lines.join("") };
}

// What pg hands TypeORM when a statement fails: the row's values ride along in `detail`.
function failedInsert() {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email_key"'), {
    code: "23505",
    constraint: "app_user_email_key",
    detail: "Key (lower(email))=(ops@example.com) already exists.",
  });
  return new QueryFailedError(
    "INSERT INTO app_user (name, email) VALUES ($1, $2)",
    ["Ops", "ops@example.com", "whsec_c2VjcmV0", "lsn_abcdef"],
    driverError,
  );
}

test("a failed statement is logged by class, SQLSTATE, constraint and message; never its SQL, parameters or detail", () => {
  const { log, text } = capture("info");
  log.error({ err: failedInsert() }, "GraphQL operation failed");
  const line = JSON.parse(text()) as { err: Record<string, unknown> };
  expect(line.err).toEqual({
    type: "QueryFailedError",
    code: "23505",
    constraint: "app_user_email_key",
    message: 'duplicate key value violates unique constraint "app_user_email_key"',
  });
  expect(text()).not.toMatch(/ops@example\.com|whsec_c2Vj|lsn_abc|INSERT INTO/);
});

test("the stack is logged at debug only", () => {
  const info = capture("info");
  info.log.error({ err: new Error("boom") }, "failed");
  expect(info.text()).not.toContain("stack");
  const debug = capture("debug");
  debug.log.error({ err: new Error("boom") }, "failed");
  expect(JSON.parse(debug.text()).err.stack).toMatch(/^Error: boom\n\s+at /);
});

test("secrets, tokens, emails and credentials in URLs are scrubbed from any text", () => {
  expect(
    scrub(
      "whsec_c2VjcmV0 lsn_Zm9v-bar Bearer abc.def jane@example.com postgres://app:hunter2@db:5432/x " +
        "0123456789abcdef0123456789abcdef01234567 v1:bm9uY2U=:Ym9keQ==",
    ),
  ).toBe(
    "whsec_[redacted] lsn_[redacted] Bearer [redacted] [email] postgres://[redacted]@db:5432/x [hex] v1:[redacted]",
  );
});
