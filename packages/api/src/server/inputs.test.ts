import "reflect-metadata";
import { isDeepStrictEqual } from "node:util";
import {
  GraphQLString,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { getMetadataStorage } from "type-graphql";
import { z } from "zod";
import { describe, expect, test } from "vitest";
import { liaisonSchema } from "./schema.js";

/**
 * Every GraphQL input class carries the zod schema its use case parses with, as `static schema`
 * (or `static schema(now)` when a rule needs the time). These tests prove the two agree.
 */
type SchemaOf = (typeName: string) => z.ZodType | undefined;

const registeredSchema: SchemaOf = (typeName) => {
  const target = getMetadataStorage().inputTypes.find((t) => t.name === typeName)?.target;
  const schema: unknown = target && (target as { schema?: unknown }).schema;
  if (typeof schema === "function") return (schema as (now: Date) => z.ZodType)(new Date());
  return schema instanceof z.ZodType ? schema : undefined;
};

/** The schema under optional/nullable/default wrappers, transforms and refinement pipes. */
function core(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault)
    return core(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe)
    return core((schema.in instanceof z.ZodTransform ? schema.out : schema.in) as z.ZodType);
  if (schema instanceof z.ZodLazy) return core(schema.unwrap() as z.ZodType);
  return schema;
}

/** What a zod object makes of this field when it is left out, or given `value` (as its object parser decides). */
const parseField = (field: z.ZodType, ...value: [] | [unknown]) =>
  z.object({ field }).safeParse(value.length ? { field: value[0] } : {});

/**
 * A null GraphQL lets through must be refused, clear the field (null, or an empty list) or mean what
 * leaving it out means: never become some other value (z.coerce.date() made null 1 January 1970).
 */
function nullBecomes(field: z.ZodType): unknown {
  const ofNull = parseField(field, null);
  if (!ofNull.success || ofNull.data.field === null || isDeepStrictEqual(ofNull.data.field, [])) return undefined;
  const ofAbsent = parseField(field);
  return ofAbsent.success && isDeepStrictEqual(ofAbsent.data.field, ofNull.data.field) ? undefined : ofNull.data.field;
}

/** GraphQL lets a field be left out when it is nullable or has a default value. */
const optionalInGraphQL = (field: GraphQLInputField) => !isNonNullType(field.type) || field.defaultValue !== undefined;

const SCALAR_KINDS: Record<string, readonly string[]> = {
  ID: ["string"],
  // A zod enum under a GraphQL String: the use case accepts fewer strings than the type says (documented on the field).
  String: ["string", "enum"],
  Int: ["number"],
  Float: ["number"],
  Boolean: ["boolean"],
  DateTime: ["date"],
};

function compareType(type: GraphQLInputType, schema: z.ZodType, path: string, problems: string[]): void {
  const gql = getNullableType(type);
  const zod = core(schema);
  const kind = zod.def.type;
  if (isListType(gql)) {
    if (!(zod instanceof z.ZodArray)) return void problems.push(`${path}: a list in GraphQL, ${kind} in zod`);
    return compareType(gql.ofType, zod.element as z.ZodType, `${path}[]`, problems);
  }
  if (isInputObjectType(gql)) return compareObject(gql, zod, path, problems);
  if (isEnumType(gql)) {
    const values = gql.getValues().map((v) => String(v.value));
    if (!(zod instanceof z.ZodEnum)) return void problems.push(`${path}: enum ${gql.name} in GraphQL, ${kind} in zod`);
    if ([...values].sort().join() !== zod.options.map(String).sort().join())
      problems.push(`${path}: enum ${gql.name} has ${values.join("|")}, zod ${zod.options.join("|")}`);
    return;
  }
  const expected = SCALAR_KINDS[gql.name];
  if (!expected) return void problems.push(`${path}: no rule for the scalar ${gql.name}`);
  if (!expected.includes(kind)) problems.push(`${path}: ${gql.name} in GraphQL, ${kind} in zod`);
}

function compareObject(type: GraphQLInputObjectType, schema: z.ZodType, path: string, problems: string[]): void {
  const zod = core(schema);
  if (!(zod instanceof z.ZodObject))
    return void problems.push(`${path}: ${type.name} in GraphQL, ${zod.def.type} in zod`);
  const fields = type.getFields();
  const shape = zod.shape as Record<string, z.ZodType>;
  for (const name of Object.keys(fields))
    if (!(name in shape)) problems.push(`${path}.${name}: in GraphQL, not in zod`);
  for (const name of Object.keys(shape))
    if (!(name in fields)) problems.push(`${path}.${name}: in zod, not in GraphQL`);
  for (const [name, field] of Object.entries(fields)) {
    const value = shape[name];
    if (value) compareField(field, value, `${path}.${name}`, problems);
  }
}

function compareField(field: GraphQLInputField, schema: z.ZodType, path: string, problems: string[]): void {
  const optional = optionalInGraphQL(field);
  const absent = parseField(schema);
  if (optional && !absent.success) problems.push(`${path}: optional in GraphQL, required in zod`);
  if (!optional && absent.success) problems.push(`${path}: required in GraphQL, optional in zod`);
  const becomes = isNonNullType(field.type) ? undefined : nullBecomes(schema);
  if (becomes !== undefined) problems.push(`${path}: null in GraphQL becomes ${JSON.stringify(becomes)} in zod`);
  if (field.defaultValue !== undefined && absent.success && !isDeepStrictEqual(absent.data.field, field.defaultValue))
    problems.push(`${path}: defaults to ${JSON.stringify(field.defaultValue)} in GraphQL, not in zod`);
  compareType(field.type, schema, path, problems);
}

/** Each way an input type of the schema and its zod schema disagree, as `Type.field: what`. */
function disagreements(schema: GraphQLSchema, schemaOf: SchemaOf = registeredSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type)) continue;
    const zod = schemaOf(type.name);
    if (!zod) problems.push(`${type.name}: no zod schema (give the class a static schema)`);
    else compareObject(type, zod, type.name, problems);
  }
  return problems;
}

/** Differences that are meant, each with its reason; an entry the checker no longer finds fails too. */
const DELIBERATE: Record<string, string> = {
  // reportIncident parses the input once its template has filled it (reportInputWithTemplate refuses what is missing).
  "ReportIncidentInput.title: optional in GraphQL, required in zod": "filled from the template first",
  "ReportIncidentInput.severity: optional in GraphQL, required in zod": "filled from the template first",
};

const unexplained = (schema: GraphQLSchema, schemaOf?: SchemaOf) =>
  disagreements(schema, schemaOf).filter((problem) => !(problem in DELIBERATE));

/** A registered schema, with one input's replaced (what a newcomer's edit to one side would leave). */
const replacing =
  (typeName: string, schema: z.ZodType): SchemaOf =>
  (name) =>
    name === typeName ? schema : registeredSchema(name);

const objectSchema = (typeName: string) => core(registeredSchema(typeName)!) as z.ZodObject;

describe("every GraphQL input agrees with the zod schema its use case parses", () => {
  test("each input type has a zod schema with the same fields, optional on both sides or neither", async () => {
    const found = disagreements(await liaisonSchema());
    expect(found.filter((problem) => !(problem in DELIBERATE))).toEqual([]);
    expect(Object.keys(DELIBERATE).filter((problem) => !found.includes(problem))).toEqual([]);
  });

  test("a field added to the GraphQL input only is caught", async () => {
    const schema = await liaisonSchema();
    const fields = (schema.getType("CreateComponentInput") as GraphQLInputObjectType).getFields();
    fields["owner"] = { ...fields["name"]!, name: "owner", type: GraphQLString };
    try {
      expect(unexplained(schema)).toEqual(["CreateComponentInput.owner: in GraphQL, not in zod"]);
    } finally {
      delete fields["owner"];
    }
  });

  test("a field added to the zod schema only is caught", async () => {
    const schema = await liaisonSchema();
    const withOwner = objectSchema("CreateComponentInput").extend({ owner: z.string() });
    expect(unexplained(schema, replacing("CreateComponentInput", withOwner))).toEqual([
      "CreateComponentInput.owner: in zod, not in GraphQL",
    ]);
  });

  test("a field the GraphQL type lets callers leave out but zod requires is caught", async () => {
    const schema = await liaisonSchema();
    const strict = objectSchema("CreateComponentInput").extend({ group: z.string() });
    expect(unexplained(schema, replacing("CreateComponentInput", strict))).toEqual([
      "CreateComponentInput.group: optional in GraphQL, required in zod",
    ]);
  });

  test("a field the GraphQL type requires but zod lets callers leave out is caught", async () => {
    const schema = await liaisonSchema();
    const lax = objectSchema("CreateComponentInput").extend({ name: z.string().optional() });
    expect(unexplained(schema, replacing("CreateComponentInput", lax))).toEqual([
      "CreateComponentInput.name: required in GraphQL, optional in zod",
    ]);
  });

  test("a null that zod turns into a value is caught (reportedAt: null was reported as 1 January 1970)", async () => {
    const schema = await liaisonSchema();
    const before = objectSchema("ReportIncidentInput").extend({ reportedAt: z.coerce.date().optional() });
    expect(unexplained(schema, replacing("ReportIncidentInput", before))).toEqual([
      'ReportIncidentInput.reportedAt: null in GraphQL becomes "1970-01-01T00:00:00.000Z" in zod',
    ]);
  });

  test("nested inputs are compared field by field", async () => {
    const schema = await liaisonSchema();
    const status = objectSchema("ComponentStatusInput").extend({ note: z.string().optional() });
    const assess = objectSchema("AssessImpactInput").extend({ componentStatuses: z.array(status) });
    expect(unexplained(schema, replacing("AssessImpactInput", assess))).toEqual([
      "AssessImpactInput.componentStatuses[].note: in zod, not in GraphQL",
    ]);
  });
});
