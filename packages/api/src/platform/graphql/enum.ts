import { registerEnumType } from "type-graphql";

/** A GraphQL enum whose values are the domain's string literals. */
export function graphqlEnum<const T extends readonly string[]>(values: T, name: string, description?: string) {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(obj, { name, ...(description ? { description } : {}) });
  return obj;
}
