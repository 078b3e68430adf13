import "reflect-metadata";
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, getNamedType, type GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, test } from "vitest";
import { liaisonSchema } from "../../server/schema.js";

// The names CONTRACT.md fixes for Customer Success Engineer sessions: clients and acceptance checks use them.
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await liaisonSchema();
});

const fieldsOf = (name: string) => {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType))
    throw new Error(`${name} is not an object type`);
  return type.getFields();
};

describe("the CSE sessions contract", () => {
  test.each([
    ["ServiceTier", ["NO_SERVICES", "PREMIUM_SUPPORT", "SILVER_SERVICES", "GOLD_SERVICES"]],
    [
      "Product",
      [
        "INCIDENT_MANAGEMENT",
        "AIOPS",
        "CUSTOMER_SERVICE_OPS",
        "RUNBOOK_AUTOMATION",
        "RUNBOOK_AUTOMATION_SELF_HOSTED",
        "WORKFLOW_AUTOMATION",
      ],
    ],
    [
      "CseActivity",
      [
        "ALERT_STRATEGIES_WORKSHOP",
        "AUTOMATION_IDEATION_SESSION",
        "INCIDENT_LIFECYCLE_ASSESSMENT",
        "INTEGRATION_CONSULTATION",
        "MATURITY_ASSESSMENT",
        "PRODUCT_ROADMAP_SESSION",
        "PRODUCT_FEATURE_CONSULTATION",
      ],
    ],
  ])("enum %s has exactly the contract's values", (name, values) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect((type as GraphQLEnumType).getValues().map((v) => v.name)).toEqual(values);
  });

  test("operations and their arguments", () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    // Argument order is not part of a call (arguments are named), so they are compared as sets.
    const args = (field: { args: readonly { name: string }[] }) => field.args.map((a) => a.name).sort();
    expect(args(query["account"]!)).toEqual(["id"]);
    expect(args(query["accounts"]!)).toEqual(expect.arrayContaining(["first", "after"]));
    expect(args(query["entitlements"]!)).toEqual(["accountId", "at"]);
    expect(String(query["entitlements"]!.type)).toBe("EntitlementSummary!");
    expect(args(query["bookings"]!)).toEqual(expect.arrayContaining(["accountId", "first", "after"]));
    expect(args(query["availableSlots"]!)).toEqual(expect.arrayContaining(["accountId", "activity", "from", "to"]));
    expect(args(mutation["createAccount"]!)).toEqual(["input"]);
    const argType = (field: { args: readonly { name: string; type: unknown }[] }, name: string) =>
      String(field.args.find((a) => a.name === name)?.type);
    expect(argType(mutation["createAccount"]!, "input")).toBe("CreateAccountInput!");
    expect(args(mutation["updateAccount"]!)).toEqual(["id", "input"]);
    expect(argType(mutation["bookSession"]!, "input")).toBe("BookSessionInput!");
    expect(argType(query["entitlements"]!, "accountId")).toBe("ID!");
    expect(argType(query["entitlements"]!, "at")).toBe("DateTime");
    expect(String(mutation["bookSession"]!.type)).toBe("Booking!");
    expect(args(mutation["cancelBooking"]!)).toEqual(["bookingId"]);
    expect(String(mutation["cancelBooking"]!.type)).toBe("Booking!");
    expect(args(mutation["setWorkingHours"]!)).toEqual(["input", "userId"]);
  });

  test("types and fields", () => {
    expect(Object.keys(fieldsOf("Account"))).toEqual(
      expect.arrayContaining(["id", "name", "tier", "subscriptionStartDate", "products", "timezone"]),
    );
    expect(String(fieldsOf("Account")["subscriptionStartDate"]!.type)).toBe("String!");
    expect(Object.keys(fieldsOf("CreateAccountInput"))).toEqual(
      expect.arrayContaining(["name", "tier", "subscriptionStartDate", "products", "timezone"]),
    );
    expect(Object.keys(fieldsOf("BookSessionInput"))).toEqual([
      "accountId",
      "activity",
      "startsAt",
      "followUpStartsAt",
      "notes",
      "idempotencyKey",
    ]);
    expect(Object.keys(fieldsOf("SetWorkingHoursInput"))).toEqual(["timezone", "weekly"]);
    const weekly = getNamedType(fieldsOf("SetWorkingHoursInput")["weekly"]!.type);
    expect(Object.keys(fieldsOf(weekly.name))).toEqual(["weekday", "start", "end"]);
    const summary = fieldsOf("EntitlementSummary");
    expect(Object.keys(fieldsOf(getNamedType(summary["contractYear"]!.type).name))).toEqual(
      expect.arrayContaining(["start", "end"]),
    );
    expect(String(summary["activities"]!.type)).toBe("[ActivityEntitlement!]!");
    expect(Object.keys(fieldsOf("ActivityEntitlement"))).toEqual(
      expect.arrayContaining(["activity", "cap", "used", "remaining", "eligible", "reason"]),
    );
    expect(String(fieldsOf("ActivityEntitlement")["cap"]!.type)).toBe("Int");
    const connection = fieldsOf(getNamedType(schema.getQueryType()!.getFields()["bookings"]!.type).name);
    expect(Object.keys(connection)).toEqual(expect.arrayContaining(["edges", "pageInfo"]));
  });
});
