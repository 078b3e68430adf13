import {
  Kind,
  parse,
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLError,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

type Found = (node: ASTNode) => boolean;

/** The path (argument name, fields, list indices) of the first node inside an argument that `found` accepts. */
function searchValue(value: ValueNode, path: string[], found: Found): string[] | null {
  if (found(value)) return path;
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const hit = searchValue(item, [...path, String(i)], found);
      if (hit) return hit;
    }
  } else if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      if (found(field)) return [...path, field.name.value];
      const hit = searchValue(field.value, [...path, field.name.value], found);
      if (hit) return hit;
    }
  }
  return null;
}

function searchSelections(set: SelectionSetNode | undefined, found: Found): string[] | null {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      for (const argument of selection.arguments ?? []) {
        if (found(argument)) return [argument.name.value];
        const hit = searchValue(argument.value, [argument.name.value], found);
        if (hit) return hit;
      }
    }
    if (selection.kind !== Kind.FRAGMENT_SPREAD) {
      const hit = searchSelections(selection.selectionSet, found);
      if (hit) return hit;
    }
  }
  return null;
}

function searchDefinitions(definitions: readonly DefinitionNode[], found: Found): string[] | null {
  for (const definition of definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const hit = searchSelections(definition.selectionSet, found);
    if (hit) return hit;
  }
  return null;
}

const sameLocation = (a: ASTNode) => (b: ASTNode) =>
  a.loc !== undefined && b.loc?.start === a.loc.start && b.loc.end === a.loc.end;

function documentOf(error: GraphQLError): DocumentNode | null {
  const body = error.source?.body ?? error.nodes?.[0]?.loc?.source.body;
  if (!body) return null;
  try {
    return parse(body);
  } catch {
    return null;
  }
}

/** `in.componentStatuses[0].status` (graphql-js) → `componentStatuses.0.status` after the variable's name. */
function subPath(printed: string, variable: string): string[] {
  return printed
    .slice(variable.length)
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== "");
}

const COERCION = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value [\s\S]*? at "([^"]*)"; /;
const VARIABLE = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" (?:got invalid value|of required type|of non-null type)/;
const FIELD_IN_VALUE = /; Field "([_0-9A-Za-z]+)" (?:of required type|is not defined by type)/g;
const MISSING_FIELD = /^Field "[_0-9A-Za-z]+\.([_0-9A-Za-z]+)" of required type .* was not provided\.$/;
const MISSING_ARGUMENT = /^Field "[_0-9A-Za-z]+" argument "([_0-9A-Za-z]+)" of type .* is required/;

/**
 * Where in the arguments, as the client wrote them, a GraphQL input error lies: `input.title`,
 * `input.componentStatuses.0.status`. A variable is named by the argument it is used in, never by
 * its own name. Null when the error is not about an argument (an unused variable, a syntax error).
 */
export function argumentPathOf(error: GraphQLError): string | null {
  const message = error.message;
  const missingArgument = MISSING_ARGUMENT.exec(message);
  if (missingArgument) return missingArgument[1]!;
  const document = documentOf(error);
  if (!document) return null;
  const variable = VARIABLE.exec(message);
  if (variable) {
    const name = variable[1]!;
    const usage = searchDefinitions(
      document.definitions,
      (node) => node.kind === Kind.VARIABLE && node.name.value === name,
    );
    if (!usage) return null;
    const coercion = COERCION.exec(message);
    const rest = coercion && coercion[1] === name ? subPath(coercion[2]!, name) : [];
    const field = [...message.matchAll(FIELD_IN_VALUE)].at(-1);
    return [...usage, ...rest, ...(field ? [field[1]!] : [])].join(".");
  }
  for (const node of error.nodes ?? []) {
    const at = searchDefinitions(document.definitions, sameLocation(node));
    if (!at) continue;
    const missingField = MISSING_FIELD.exec(message);
    return [...at, ...(missingField ? [missingField[1]!] : [])].join(".");
  }
  return null;
}
