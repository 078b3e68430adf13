import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { ValidationError } from "../errors.js";
import { dateOutOfRangeReason, unsafeTextReason } from "../validation.js";

/** Every text and date in `value`, with its path: argument name, then fields and list indices. */
function findProblems(value: unknown, path: string, fields: Record<string, string>): void {
  if (typeof value === "string") {
    const reason = unsafeTextReason(value);
    if (reason) fields[path] ??= reason;
  } else if (value instanceof Date) {
    const reason = dateOutOfRangeReason(value);
    if (reason) fields[path] ??= reason;
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findProblems(item, `${path}.${i}`, fields));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) findProblems(item, `${path}.${key}`, fields);
  }
}

/** BAD_USER_INPUT naming each argument path that holds unsafe text or an absurd date; nothing when all is well. */
function checkArguments(args: Record<string, unknown>): void {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) findProblems(value, name, fields);
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/**
 * Wraps every field that takes arguments so that no text input, in any module, can store NUL,
 * control characters or lone surrogates, and no date lies outside 1970–2100. Fields check more themselves.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        checkArguments(args);
        return resolve(source, args, context, info);
      };
      const subscribe = field.subscribe;
      if (subscribe)
        field.subscribe = (source, args: Record<string, unknown>, context, info) => {
          checkArguments(args);
          return subscribe(source, args, context, info);
        };
    }
  }
  return schema;
}
