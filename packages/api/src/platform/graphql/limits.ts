import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
const MAX_DIRECTIVES = 50;
/** Lexical tokens in one document (graphql-js's own parser limit): bounds parse and validation work. */
export const MAX_TOKENS = 5_000;

/** Limits at the edge, per API process unless said otherwise (config.ts reads them from the environment). */
export interface EdgeLimits {
  /** The most an anonymous caller's operation may cost (cost.ts), over HTTP and WebSocket. */
  costAnonymous: number;
  /** The most a signed-in caller's operation may cost. */
  costSignedIn: number;
  /** The largest WebSocket message accepted; larger closes the socket (1009), as HTTP stops at 1 MB. */
  wsMaxPayloadBytes: number;
  /** Open WebSocket connections per client address, per process. */
  wsConnectionsPerClient: number;
  /** Subscriptions at once on one signed-in connection. */
  wsSubscriptionsPerConnection: number;
  /** Subscriptions at once on one anonymous connection (the status page holds one). */
  wsAnonymousSubscriptionsPerConnection: number;
  /** Time a new socket has to send `connection_init`. */
  wsInitTimeoutMs: number;
  /** Unsent bytes a socket may hold when a message is due; above, it is closed (1013) as a slow reader. */
  wsMaxBufferedBytes: number;
}

export const DEFAULT_EDGE_LIMITS: EdgeLimits = {
  costAnonymous: 50_000,
  costSignedIn: 500_000,
  wsMaxPayloadBytes: 1_000_000,
  wsConnectionsPerClient: 100,
  wsSubscriptionsPerConnection: 100,
  wsAnonymousSubscriptionsPerConnection: 5,
  wsInitTimeoutMs: 3_000,
  wsMaxBufferedBytes: 1_048_576,
};

// GraphQL Armor's rules throw by default, which would abort validation; report instead, with our
// own GraphQLError class (the package loads graphql's CommonJS build) and without the "Syntax Error" prefix.
const report = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: Error) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ""))),
  ],
};

/** The shape of a document: depth, aliases and directives (GraphQL Armor); tokens are limited at parse. */
export function shapeLimits(): ValidationRule[] {
  return [
    maxDepthRule({ n: MAX_DEPTH, flattenFragments: true, ...report }),
    maxAliasesRule({ n: MAX_ALIASES, ...report }),
    maxDirectivesRule({ n: MAX_DIRECTIVES, ...report }),
  ];
}
