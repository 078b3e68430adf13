import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { collect, startTestApi, type TestApi } from "../test/harness.js";
import { aComponent, anIncident, snapshot } from "../test/factories.js";

let api: TestApi;
let schema: GraphQLSchema;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
  const { data } = await api.gql<IntrospectionQuery>(getIntrospectionQuery());
  schema = buildClientSchema(data!);
});
afterAll(() => api?.close());

/** A value GraphQL accepts for `type`; input objects get their required fields only. */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields()))
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = sample(field.type, depth + 1);
    return value;
  }
  const scalar = { ID: "7d0e4c2a-0000-4000-8000-000000000000", String: "text", Int: 1, Float: 1, Boolean: false };
  return (scalar as Record<string, unknown>)[type.name] ?? "2030-01-01T00:00:00Z";
}

/** Every path inside a value of `type` to a leaf of one of `scalars`; list items as index 0. */
function leafPaths(type: GraphQLInputType, scalars: string[], depth = 0): string[][] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return leafPaths(inner.ofType, scalars, depth).map((p) => ["0", ...p]);
  if (isScalarType(inner)) return scalars.includes(inner.name) ? [[]] : [];
  if (!isInputObjectType(inner) || depth > 4) return [];
  return Object.values(inner.getFields()).flatMap((f) =>
    leafPaths(f.type, scalars, depth + 1).map((p) => [f.name, ...p]),
  );
}

/** A well-formed value of `type` holding `value` at `path`. */
function withValueAt(type: GraphQLInputType, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const inner = isNonNullType(type) ? type.ofType : type;
  const [key, ...rest] = path;
  if (isListType(inner)) return [withValueAt(inner.ofType, rest, value)];
  const object = sample(inner) as Record<string, unknown>;
  object[key!] = withValueAt((getNamedType(inner) as any).getFields()[key!].type, rest, value);
  return object;
}

interface Case {
  label: string;
  query: string;
  variables: Record<string, unknown>;
  field: string;
}

/** One request per leaf: the whole operation with that leaf set to `value` and everything else well-formed. */
function casesFor(kind: "query" | "mutation", scalars: string[], value: (i: number) => unknown): Case[] {
  const root = (kind === "query" ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
  const cases: Case[] = [];
  for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
    for (const arg of field.args) {
      for (const path of leafPaths(arg.type, scalars)) {
        const variables: Record<string, unknown> = {};
        for (const other of field.args)
          if (isNonNullType(other.type) || other === arg) variables[other.name] = sample(other.type);
        variables[arg.name] = withValueAt(arg.type, path, value(cases.length));
        const names = Object.keys(variables);
        const declared = names.map((n) => `$${n}: ${String(field.args.find((a) => a.name === n)!.type)}`);
        const selection =
          isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? "" : "{ __typename }";
        cases.push({
          label: `${field.name}(${[arg.name, ...path].join(".")})`,
          query: `${kind}(${declared.join(", ")}) { ${field.name}(${names.map((n) => `${n}: $${n}`).join(", ")}) ${selection} }`,
          variables,
          field: [arg.name, ...path].join("."),
        });
      }
    }
  }
  return cases;
}

const UNSAFE = ["a\u0000b", "a\u001b[31mb", "a\u0085b", "a\ud800b", "\udc00", "bell\u0007"];

describe("unsafe text is BAD_USER_INPUT naming the field, wherever it is sent", () => {
  test("every text and id argument of every mutation refuses NUL, C0/C1 controls and lone surrogates", async () => {
    const cases = casesFor("mutation", ["String", "ID"], (i) => UNSAFE[i % UNSAFE.length]);
    expect(cases.length).toBeGreaterThan(50);
    const before = await snapshot(api);
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await api.gql(c.query, c.variables);
      const error = res.errors?.[0];
      if (error?.extensions.code !== "BAD_USER_INPUT" || !error.extensions.fields?.[c.field])
        wrong.push(`${c.label}: ${JSON.stringify(res.errors ?? res.data)}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(api)).toEqual(before);
  });

  test("every text argument of every query refuses them too (no database error behind an INTERNAL)", async () => {
    const cases = casesFor("query", ["String", "ID"], (i) => UNSAFE[i % UNSAFE.length]);
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await api.gql(c.query, c.variables);
      const error = res.errors?.[0];
      if (error?.extensions.code !== "BAD_USER_INPUT" || !error.extensions.fields?.[c.field])
        wrong.push(`${c.label}: ${JSON.stringify(res.errors ?? res.data)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("written inline in the query rather than in variables, NUL is refused the same way", async () => {
    const res = await api.gql(`mutation { reportIncident(input: { title: "a\\u0000b", severity: SEV3 }) { id } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.title": "must not contain the NUL character" },
    });
  });

  test("tab, line feed and carriage return are ordinary text", async () => {
    const incident = await anIncident(api, { description: "line one\r\nline two\tindented" });
    const res = await api.gql(
      `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, visibility: PUBLIC, message: "Found it:\\n\\tthe cache" }) { message } }`,
      { id: incident["id"] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.postStatusUpdate.message).toBe("Found it:\n\tthe cache");
  });

  const REVERSED = "Database \u202Eegatuo"; // displays as "Database outage", which it does not say
  test.each([
    ["an incident title", "reportIncident", "ReportIncidentInput", { title: REVERSED, severity: "SEV3" }, "title"],
    ["a component name", "createComponent", "CreateComponentInput", { name: REVERSED }, "name"],
    ["a component group", "createComponent", "CreateComponentInput", { name: "API", group: REVERSED }, "group"],
    [
      "a maintenance title",
      "createScheduledMaintenance",
      "CreateScheduledMaintenanceInput",
      {
        title: REVERSED,
        componentIds: [],
        scheduledFor: "2030-01-01T10:00:00Z",
        scheduledUntil: "2030-01-01T11:00:00Z",
      },
      "title",
    ],
  ])(
    "a right-to-left override in %s is refused, so a public name cannot read backwards",
    async (_, op, type, input, key) => {
      const before = await snapshot(api);
      const res = await api.gql(`mutation($input: ${type}!) { ${op}(input: $input) { __typename } }`, { input });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        fields: { [`input.${key}`]: "must not contain the bidirectional control character U+202E" },
      });
      expect(await snapshot(api)).toEqual(before);
    },
  );

  test("over WebSocket an unsafe argument is BAD_USER_INPUT too", async () => {
    const sub = collect<any>(api.ws(), `subscription($id: ID) { incidentUpdated(incidentId: $id) { id } }`, {
      id: "a\u0000b",
    });
    await sub.until(1);
    expect(JSON.stringify(sub.received[0]!.errors)).toContain("BAD_USER_INPUT");
  });
});

describe("dates outside 1970–2100 are BAD_USER_INPUT naming the field", () => {
  test("every DateTime argument of every mutation and query refuses year 1 and year 9999", async () => {
    const cases = [
      ...casesFor("mutation", ["DateTime"], (i) => (i % 2 ? "0001-01-01T00:00:00Z" : "9999-12-31T00:00:00Z")),
      ...casesFor("query", ["DateTime"], (i) => (i % 2 ? "0001-01-01T00:00:00Z" : "9999-12-31T00:00:00Z")),
    ];
    expect(cases.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const c of cases) {
      const res = await api.gql(c.query, c.variables);
      const error = res.errors?.[0];
      if (error?.extensions.code !== "BAD_USER_INPUT" || !error.extensions.fields?.[c.field])
        wrong.push(`${c.label}: ${JSON.stringify(res.errors ?? res.data)}`);
    }
    expect(wrong).toEqual([]);
  });

  test.each([
    ["createAccount", "subscriptionStartDate", "0001-01-01"],
    ["createAccount", "subscriptionStartDate", "9999-12-31"],
  ])("%s refuses %s %s", async (_, key, date) => {
    const res = await api.gql(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
      input: { name: "Old", tier: "GOLD_SERVICES", products: [], [key]: date },
    });
    expect(res.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(Object.keys(res.errors?.[0]?.extensions.fields ?? {})).toEqual([`input.${key}`]);
  });

  test("an organization holiday in year 9999 is refused", async () => {
    const res = await api.gql(
      `mutation { updateOrganization(input: { holidays: ["2030-12-25", "9999-12-31"] }) { name } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: { "input.holidays.1": "must not be after 2100" },
    });
  });

  test("dates inside the range are accepted", async () => {
    const component = await aComponent(api);
    const res = await api.gql(
      `mutation($input: CreateScheduledMaintenanceInput!) { createScheduledMaintenance(input: $input) { id } }`,
      {
        input: {
          title: "Upgrade",
          componentIds: [component.id],
          scheduledFor: "2099-01-01T10:00:00Z",
          scheduledUntil: "2099-01-01T11:00:00Z",
        },
      },
    );
    expect(res.errors).toBeUndefined();
  });
});
