import "reflect-metadata";
import { GraphQLObjectType, GraphQLString, isListType, isNonNullType, isObjectType, type GraphQLSchema } from "graphql";
import { describe, expect, test } from "vitest";
import { reachableTypes, type AccessRules, type Audience } from "../platform/access/audience.js";
import { accessRules, liaisonSchema } from "./schema.js";

/** `Type.field` for every field a reader of `audience` can reach whose audience nobody declared. */
function undeclared(schema: GraphQLSchema, rules: AccessRules, audience: Audience): string[] {
  return [...reachableTypes(schema, rules, audience)].flatMap((name) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) return [];
    return Object.keys(type.getFields())
      .filter((field) => !rules[name]?.[field])
      .map((field) => `${name}.${field}`);
  });
}

describe("who sees what is declared", () => {
  test("every field an anonymous reader or a customer can reach has a declared audience", async () => {
    const schema = await liaisonSchema();
    const rules = accessRules();
    expect(undeclared(schema, rules, "PUBLIC")).toEqual([]);
    expect(undeclared(schema, rules, "CUSTOMER")).toEqual([]);
  });

  test("a field added without an audience to a type customers reach is caught", async () => {
    const schema = await liaisonSchema();
    const rules = accessRules();
    const ticket = schema.getType("Ticket") as GraphQLObjectType;
    // What a newcomer would do: a new field on Ticket, resolvers written, access file forgotten.
    const fields = ticket.getFields();
    fields["internalScore"] = { ...fields["subject"]!, name: "internalScore", type: GraphQLString };
    try {
      expect(undeclared(schema, rules, "CUSTOMER")).toEqual(["Ticket.internalScore"]);
    } finally {
      delete fields["internalScore"];
    }
  });

  test("a field hidden from some readers of its type can be left empty (nullable or a list)", async () => {
    const schema = await liaisonSchema();
    const rules = accessRules();
    const problems: string[] = [];
    for (const audience of ["PUBLIC", "CUSTOMER"] as const)
      for (const name of reachableTypes(schema, rules, audience)) {
        const type = schema.getType(name);
        if (!isObjectType(type)) continue;
        for (const field of Object.values(type.getFields())) {
          const declared = rules[name]?.[field.name];
          const hiddenFromSome = declared === "STAFF" || (declared === "CUSTOMER" && audience === "PUBLIC");
          const canBeEmpty = !isNonNullType(field.type) || isListType(field.type.ofType);
          if (hiddenFromSome && !canBeEmpty) problems.push(`${name}.${field.name}`);
        }
      }
    expect(problems).toEqual([]);
  });

  test("customers never reach escalations, escalation policies, schedules or pages", async () => {
    const schema = await liaisonSchema();
    const forCustomers = reachableTypes(schema, accessRules(), "CUSTOMER");
    for (const internal of ["Escalation", "EscalationPage", "EscalationPolicy", "Schedule", "ScheduleLayer", "Cadence"])
      expect(forCustomers.has(internal), internal).toBe(false);
  });
});
