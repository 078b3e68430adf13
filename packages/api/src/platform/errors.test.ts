import { GraphQLError, buildSchema, execute, parse } from "graphql";
import { describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { AppError, NotFoundError, ValidationError, formatError, isUnavailable, parseInput } from "./errors.js";

describe("the error mapper", () => {
  test("keeps a known error's contract code and message", () => {
    const error = new GraphQLError("wrapped", { originalError: new NotFoundError("Incident", "42") });
    expect(formatError({ message: "wrapped" }, error, () => {})).toEqual({
      message: "Incident 42 was not found",
      extensions: { code: "NOT_FOUND", id: "42" },
    });
  });

  test("masks an unknown error as INTERNAL and logs the original", () => {
    const log = vi.fn();
    const boom = new Error("connection string postgres://secret@db leaked");
    const formatted = formatError(
      { message: boom.message },
      new GraphQLError(boom.message, { originalError: boom }),
      log,
    );
    expect(formatted).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL" } });
    expect(log).toHaveBeenCalledWith(boom);
  });

  test("turns GraphQL's own input errors into BAD_USER_INPUT naming the argument path, not the variable", () => {
    const schema = buildSchema(`
      enum Severity { SEV1 SEV2 }
      input ReportInput { title: String! severity: Severity! }
      type Query { ok: Boolean }
      type Mutation { report(input: ReportInput!): Boolean }
    `);
    const document = parse(`mutation($in: ReportInput!) { report(input: $in) }`);
    const result = execute({ schema, document, variableValues: { in: { title: "t", severity: "SEV9" } } });
    const error = (result as { errors: GraphQLError[] }).errors[0]!;
    const formatted = formatError({ message: error.message, extensions: { code: "BAD_USER_INPUT" } }, error, () => {});
    expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT", fields: { "input.severity": error.message } });
  });

  test("a database that cannot be reached is SERVICE_UNAVAILABLE, not INTERNAL", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      severity: "FATAL",
    });
    const closed = Object.assign(new Error('database "x" is not currently accepting connections'), {
      code: "55000",
      severity: "FATAL",
    });
    const wrapped = Object.assign(new Error("Query failed"), {
      driverError: new Error("Connection terminated unexpectedly"),
    });
    for (const cause of [refused, shutdown, closed, wrapped, new Error("timeout exceeded when trying to connect")]) {
      const formatted = formatError(
        { message: cause.message },
        new GraphQLError("x", { originalError: cause }),
        () => {},
      );
      expect(formatted.extensions?.["code"], cause.message).toBe("SERVICE_UNAVAILABLE");
    }
    const constraint = Object.assign(new Error("duplicate key"), { code: "23505", severity: "ERROR" });
    expect(isUnavailable(constraint)).toBe(false);
  });
});

describe("input validation", () => {
  const Schema = z.object({ title: z.string().min(1, "must not be empty"), count: z.number().int() });

  test("names every offending field under the argument's name", () => {
    expect(() => parseInput(Schema, { title: "", count: 1.5 })).toThrow(ValidationError);
    try {
      parseInput(Schema, { title: "", count: 1.5 });
    } catch (error) {
      expect((error as AppError).code).toBe("BAD_USER_INPUT");
      expect((error as ValidationError).fields).toEqual({
        "input.title": "must not be empty",
        "input.count": expect.any(String),
      });
    }
  });

  test("an id that names no record is NOT_FOUND, but mixed with other problems it is bad input", async () => {
    const { Id } = await import("./validation.js");
    const WithId = z.object({ ticketId: Id, reason: z.string().min(1, "must not be empty") });
    expect(() => parseInput(WithId, { ticketId: "not-an-id", reason: "why" }, "")).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() => parseInput(WithId, { ticketId: "not-an-id", reason: "" }, "")).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT" }),
    );
  });

  test("returns the parsed value when it is valid", () => {
    expect(parseInput(Schema, { title: "ok", count: 2 })).toEqual({ title: "ok", count: 2 });
  });
});
