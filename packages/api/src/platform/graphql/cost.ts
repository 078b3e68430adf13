import type { ApolloServerPlugin } from "@apollo/server";
import { getNullableType, GraphQLError, isListType, type DocumentNode, type GraphQLSchema } from "graphql";
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from "graphql-query-complexity";
import type { Viewer } from "../access/viewer.js";
import { rateLimitedError, type CallerRateLimit } from "../http/rate-limiter.js";
import type { GraphQLContext } from "./context.js";
import { AppError } from "../errors.js";
import { PageArgs } from "../pagination.js";

/** How many items a list without a size argument is taken to hold (components, updates, …). */
export const ASSUMED_LIST_SIZE = 10;
const DEFAULT_PAGE_SIZE = PageArgs.shape.first.parse(undefined);
/** More selections than this (fragments counted each time they are spread) is refused outright. */
const MAX_NODES = 5_000;

/**
 * Every field costs 1 plus what it selects; a list costs its length times what each item selects:
 * `first` where the field takes one, a field's own `complexity` (e.g. `uptime(days)`), else ASSUMED_LIST_SIZE.
 */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (field.args.some((a) => a.name === "first")) {
    const first = typeof args["first"] === "number" ? Math.min(Math.max(args["first"], 1), 100) : DEFAULT_PAGE_SIZE;
    return 1 + first * childComplexity;
  }
  if (isListType(getNullableType(field.type))) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return undefined;
};

const estimators = [fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })];

export interface CostBudgets {
  /** The most an anonymous caller's operation may cost. */
  anonymous: number;
  /** The most a signed-in caller's operation may cost. */
  signedIn: number;
}

const costs = new WeakMap<DocumentNode, Map<string, number>>();

/** The operation's cost; throws a GraphQLError when it cannot be computed (bad variables, too many nodes). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  const key = `${operationName ?? ""}\u0000${variables ? JSON.stringify(variables) : ""}`;
  const known = key.length <= 1_000 ? costs.get(document)?.get(key) : undefined;
  if (known !== undefined) return known;
  const cost = getComplexity({
    schema,
    query: document,
    ...(operationName ? { operationName } : {}),
    variables: variables ?? {},
    estimators,
    maxQueryNodes: MAX_NODES,
  });
  if (key.length <= 1_000) {
    let perDocument = costs.get(document);
    if (!perDocument) costs.set(document, (perDocument = new Map<string, number>()));
    if (perDocument.size < 100) perDocument.set(key, cost);
  }
  return cost;
}

function refusal(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
    originalError: new AppError("BAD_USER_INPUT", message, { fields: {}, ...details }),
  });
}

/**
 * Refuses an operation that costs more than the viewer's budget (anonymous callers get the smaller one):
 * BAD_USER_INPUT saying what it costs and what the budget is. Returns the cost.
 */
export function enforceCost(
  schema: GraphQLSchema,
  budgets: CostBudgets,
  viewer: Viewer | null,
  request: {
    document: DocumentNode;
    operationName?: string | null | undefined;
    variables?: Record<string, unknown> | null | undefined;
  },
): number {
  let cost: number;
  try {
    cost = operationCost(schema, request.document, request.operationName, request.variables);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Variables that do not coerce stop the operation before anything runs: let it say which, with fields.
    if (reason.startsWith('Variable "$')) return 0;
    throw refusal(`The query's cost cannot be worked out: ${reason}`, {});
  }
  const budget = viewer ? budgets.signedIn : budgets.anonymous;
  if (cost > budget) {
    const who = viewer ? "a signed-in caller" : "an anonymous caller";
    throw refusal(
      `The query is too expensive: it costs ${cost} and the budget of ${who} is ${budget}; ` +
        `ask for fewer items, days or aliases`,
      { cost, budget },
    );
  }
  return cost;
}

/**
 * The same rule for Apollo (HTTP), checked once the operation is known and before it runs; then the
 * rate limit charges the caller for what the operation costs beyond one request.
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  budgets: CostBudgets,
  limiter: CallerRateLimit | null,
): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ document, request, contextValue }) {
          const cost = enforceCost(schema, budgets, contextValue.viewer, {
            document,
            operationName: request.operationName,
            variables: request.variables,
          });
          const wait = limiter && contextValue.caller ? await limiter.charge(contextValue.caller, cost) : 0;
          if (wait > 0) throw rateLimitedError(wait);
        },
      });
    },
  };
}
