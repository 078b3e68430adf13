import {
  defaultFieldResolver,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import type { GraphQLContext } from "../graphql/context.js";
import { STAFF_ROLES } from "./roles.js";
import type { Viewer } from "./viewer.js";

/**
 * Who may read a field: PUBLIC (anyone, anonymous readers included), CUSTOMER (a signed-in
 * customer and staff) or STAFF. Row-level rules (a customer's own account) stay in the services.
 */
export type Audience = "PUBLIC" | "CUSTOMER" | "STAFF";
const AUDIENCES: readonly Audience[] = ["PUBLIC", "CUSTOMER", "STAFF"];

/** Per GraphQL type a module owns, the audience of every field: `{ Ticket: { subject: "CUSTOMER", … } }`. */
export type AccessRules = Record<string, Record<string, Audience>>;

/** The audience a viewer belongs to. */
function audienceOf(viewer: Viewer | null): Audience {
  if (!viewer) return "PUBLIC";
  return STAFF_ROLES.includes(viewer.role) ? "STAFF" : "CUSTOMER";
}

function reaches(viewer: Audience, field: Audience): boolean {
  return AUDIENCES.indexOf(viewer) >= AUDIENCES.indexOf(field);
}

/** Root fields declare their callers with @Allow / @Public; this reads the widest audience among them. */
function rootAudience(access: unknown): Audience | null {
  if (access === "PUBLIC") return "PUBLIC";
  if (typeof access !== "string") return null;
  const roles = access.split(",");
  return roles.includes("CUSTOMER") ? "CUSTOMER" : "STAFF";
}

/**
 * Merges the modules' rules. A higher module may add fields to a lower one's type (and declares
 * their audience itself); a field declared by two modules is a mistake.
 */
export function mergeAccessRules(all: readonly AccessRules[]): AccessRules {
  const merged: AccessRules = {};
  for (const rules of all)
    for (const [type, fields] of Object.entries(rules)) {
      const into = (merged[type] ??= {});
      for (const [field, audience] of Object.entries(fields)) {
        if (into[field]) throw new Error(`The audience of ${type}.${field} is declared twice`);
        into[field] = audience;
      }
    }
  return merged;
}

/**
 * Enforces the declared audiences: a field hidden from the viewer resolves to null (or an empty
 * list) before its resolver runs. Public fields keep their resolvers untouched (no cost on public reads).
 * Fields of types without declarations are staff-only unless reached through a public/customer type.
 */
export function applyAudiences(schema: GraphQLSchema, rules: AccessRules): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    if ([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type)) continue;
    const declared = rules[type.name];
    if (!declared) continue;
    for (const field of Object.values(type.getFields())) {
      const audience = declared[field.name];
      field.extensions = { ...field.extensions, audience: audience ?? null };
      if (!audience || audience === "PUBLIC") continue;
      guard(field, audience);
    }
  }
  return schema;
}

function guard(field: GraphQLField<unknown, unknown>, audience: Audience): void {
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
  const hidden = isNonNullType(field.type) && isListType(field.type.ofType) ? [] : null;
  field.resolve = (source, args, context, info) =>
    reaches(audienceOf((context as GraphQLContext).viewer), audience) ? resolve(source, args, context, info) : hidden;
}

/** Each type a viewer of `audience` can reach from the roots, walking only fields they may read. */
export function reachableTypes(schema: GraphQLSchema, rules: AccessRules, audience: Audience): Set<string> {
  const seen = new Set<string>();
  const visit = (typeName: string) => {
    if (seen.has(typeName)) return;
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return;
    seen.add(typeName);
    for (const field of Object.values(type.getFields())) {
      const declared = rules[typeName]?.[field.name];
      if (declared && !reaches(audience, declared)) continue;
      visit(getNamedType(field.type).name);
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()])
    for (const field of Object.values(root?.getFields() ?? {})) {
      const allowed = rootAudience(field.extensions["access"]);
      if (allowed && reaches(audience, allowed)) visit(getNamedType(field.type).name);
    }
  return seen;
}
