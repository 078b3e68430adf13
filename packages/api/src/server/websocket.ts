import type { Server } from "node:http";
import {
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type SelectionSetNode,
  type DocumentNode,
  type ValidationRule,
} from "graphql";
import { WebSocketServer, type WebSocket } from "ws";
import type { Credentials } from "../modules/admin/index.js";
import type { Viewer } from "../platform/access/viewer.js";
import type { ServiceContext } from "../platform/context.js";
import { AppError, formatError, isUnavailable } from "../platform/errors.js";
import type { GraphQLContext } from "../platform/graphql/context.js";
import {
  createSharedSubscribe,
  type DirectSink,
  type SubscriptionObserver,
} from "../platform/graphql/shared-subscribe.js";
import { enterRequestId, newRequestId } from "../platform/logger.js";
import { enforceCost, type CostBudgets } from "../platform/graphql/cost.js";
import { MAX_TOKENS, type EdgeLimits } from "../platform/graphql/limits.js";
import { rateLimitedError, type CallerRateLimit } from "../platform/http/rate-limiter.js";
import type { Logger } from "../platform/logger.js";
import { sendNext, serveGraphQLOverWs } from "./ws-transport.js";

/** Whose tokens were revoked: these tokens, or every token of this user; neither means "anyone's". */
export interface Revocation {
  tokenIds?: readonly string[];
  userId?: string;
}

export interface GraphQLOverWebSocket {
  schema: GraphQLSchema;
  validationRules: ValidationRule[];
  production: boolean;
  log: (error: unknown) => void;
  logger: Logger;
  /** Told each time a socket is closed for not reading its messages (`limits.wsMaxBufferedBytes`). */
  onSlowReader?: () => void;
  /** null for no header; throws when the header names no valid token; `fresh` skips any cache. */
  identify(header: string | null, options?: { fresh?: boolean }): Promise<Credentials | null>;
  context(viewer: Viewer | null): ServiceContext;
  subscriptions?: SubscriptionObserver;
  limiter: CallerRateLimit | null;
  costBudgets: CostBudgets;
  limits: EdgeLimits;
}

/** What anonymous readers may subscribe to: what the public status page needs. */
const ANONYMOUS_SUBSCRIPTIONS: ReadonlySet<string> = new Set(["statusPageChanged", "incidentUpdated"]);

/** Close code and reason for a socket whose credentials no longer hold (the contract's 4403). */
const FORBIDDEN = { code: 4403, reason: "Forbidden" } as const;

interface SocketState {
  socket: WebSocket;
  address: string;
  authorization: string | null;
  credentials: Credentials | null;
  /** Open (or opening) subscriptions and what each costs on every event. */
  subscriptions: Map<string, number>;
}

type Extra = { state?: SocketState };

function rootFields(
  set: SelectionSetNode,
  document: DocumentNode,
  out: string[] = [],
  seen = new Set<string>(),
): string[] {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, document, out, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) rootFields(fragment.selectionSet, document, out, seen);
    }
  }
  return out;
}

/** Parsed and validated documents by their text, the most recently used kept (a bounded map, in use order). */
class DocumentCache {
  private readonly entries = new Map<string, DocumentNode | readonly GraphQLError[]>();
  constructor(
    private readonly check: (query: string) => DocumentNode | readonly GraphQLError[],
    private readonly size = 500,
  ) {}

  get(query: string): DocumentNode | readonly GraphQLError[] {
    let entry = this.entries.get(query);
    if (entry === undefined) {
      entry = this.check(query);
      // Long texts are one-offs more often than not, and would make the cache heavy.
      if (query.length > 10_000) return entry;
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    } else this.entries.delete(query);
    this.entries.set(query, entry);
    return entry;
  }
}

/** The token itself was refused (as opposed to the database failing to answer). */
const isRevoked = (error: unknown) => error instanceof AppError && error.code === "UNAUTHENTICATED";

const refused = (code: AppError["code"], message: string, details: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code }, originalError: new AppError(code, message, details) });

/**
 * graphql-ws on the HTTP server's port and path, with the same limits, rate limit, cost budgets and
 * error mapping as HTTP, plus caps of its own: message size, connections per client address and
 * subscriptions per connection. Sockets are closed (4403) as soon as their token is revoked.
 */
export function graphqlOverWebSocket(httpServer: Server, deps: GraphQLOverWebSocket) {
  const { schema, production, log, limits } = deps;
  const perAddress = new Map<string, number>();
  const wss = new WebSocketServer({
    server: httpServer,
    path: "/graphql",
    maxPayload: limits.wsMaxPayloadBytes,
    // Counted and checked in the same tick as the connection event: no two upgrades race past the cap.
    verifyClient: (info, done) => {
      const address = info.req.socket.remoteAddress ?? "?";
      if ((perAddress.get(address) ?? 0) >= limits.wsConnectionsPerClient)
        return done(false, 429, "Too many connections from this address");
      done(true);
    },
  });
  const sockets = new Set<SocketState>();
  wss.on("connection", (socket, request) => {
    const address = request.socket.remoteAddress ?? "?";
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    socket.once("close", () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });

  const wsRules = [...specifiedRules, ...deps.validationRules];
  const stripSuggestions = (message: string) => (production ? message.replace(/ Did you mean .*$/, "") : message);
  const mapErrors = (errors: readonly GraphQLError[] | readonly GraphQLFormattedError[]) =>
    errors.map((e) => {
      const formatted = formatError(e instanceof GraphQLError ? e.toJSON() : e, e, log);
      return { ...formatted, message: stripSuggestions(formatted.message) };
    });
  // Parse and validation failures are the caller's: BAD_USER_INPUT, as over HTTP.
  const badInput = (errors: readonly GraphQLError[]) =>
    errors.map((e) => new GraphQLError(stripSuggestions(e.message), { extensions: { code: "BAD_USER_INPUT" } }));

  // Thousands of status pages send the same subscription text: parsed and validated once, one document shared.
  const documents = new DocumentCache((query) => {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: MAX_TOKENS });
    } catch (error) {
      return [error as GraphQLError];
    }
    const errors = validate(schema, document, wsRules);
    return errors.length > 0 ? errors : document;
  });

  // What a subscription result is sent as (errors mapped as over HTTP): once per result, however many get it.
  const preparedResults = new WeakMap<ExecutionResult, ExecutionResult>();
  const prepared = (result: ExecutionResult): ExecutionResult => {
    if (!result.errors?.length) return result;
    let mapped = preparedResults.get(result);
    if (!mapped) {
      mapped = { ...result, errors: mapErrors(result.errors) as unknown as GraphQLError[] };
      preparedResults.set(result, mapped);
    }
    return mapped;
  };
  /** The socket sink of each subscription's context: the broadcast path of shared subscriptions writes through it. */
  const sinks = new WeakMap<object, DirectSink>();

  const forbid = (state: SocketState) => {
    sockets.delete(state);
    state.socket.close(FORBIDDEN.code, FORBIDDEN.reason);
  };

  const cleanup = serveGraphQLOverWs<{ authorization?: string }, Extra>(
    {
      schema,
      subscribe: createSharedSubscribe(deps.subscriptions, {
        fields: ANONYMOUS_SUBSCRIPTIONS,
        sinkOf: (context) => sinks.get(context as object),
        onError: log,
      }),
      connectionInitWaitTimeout: limits.wsInitTimeoutMs,
      async onConnect(ctx) {
        const auth = ctx.connectionParams?.authorization;
        const authorization = typeof auth === "string" ? (auth.startsWith("Bearer") ? auth : `Bearer ${auth}`) : null;
        let credentials: Credentials | null;
        try {
          credentials = await deps.identify(authorization);
        } catch (error) {
          // 1013 Try Again Later: clients retry, where 4403 would tell them their token is bad.
          if (isUnavailable(error)) ctx.extra.socket.close(1013, "Service unavailable: retry later");
          return false;
        }
        const state: SocketState = {
          socket: ctx.extra.socket,
          address: ctx.extra.request.socket.remoteAddress ?? "?",
          authorization,
          credentials,
          subscriptions: new Map(),
        };
        ctx.extra.state = state;
        if (credentials) {
          sockets.add(state);
          ctx.extra.socket.once("close", () => sockets.delete(state));
        }
        return true;
      },
      context: (ctx, id) => {
        const viewer = ctx.extra.state?.credentials?.viewer ?? null;
        // Whom per-client limits charge (e.g. anonymous `subscribe`): the user, else this socket's address.
        const caller = viewer ? `user:${viewer.userId}` : `ip:${ctx.extra.state?.address ?? "?"}`;
        const context = { viewer, services: deps.context(viewer), caller } satisfies GraphQLContext;
        const socket = ctx.extra.socket;
        sinks.set(context, (result) => {
          if (id in ctx.subscriptions) sendNext(socket, id, prepared(result));
        });
        return context;
      },
      async onSubscribe(ctx, id, payload) {
        // Each operation is one request for the logs; set before the first await so execution inherits it.
        enterRequestId(newRequestId());
        const state = ctx.extra.state!;
        // The token is checked again before anything runs on the socket: revoked is revoked.
        if (state.authorization) {
          try {
            state.credentials = await deps.identify(state.authorization);
          } catch (error) {
            if (!isRevoked(error)) throw error;
            forbid(state);
            return [refused("UNAUTHENTICATED", "The bearer token is invalid or revoked")];
          }
        }
        const viewer = state.credentials?.viewer ?? null;

        const caller = viewer ? `user:${viewer.userId}` : `ip:${state.address}`;
        const wait = (await deps.limiter?.take(caller)) ?? 0;
        if (wait > 0) return [rateLimitedError(wait)];

        const checked = documents.get(payload.query);
        if (checked instanceof Array) return badInput(checked);
        const document = checked;

        const operation = getOperationAST(document, payload.operationName);
        // A change is made only with a token the database still holds, whatever this process has heard.
        if (operation?.operation === OperationTypeNode.MUTATION && state.authorization) {
          try {
            await deps.identify(state.authorization, { fresh: true });
          } catch (error) {
            if (!isRevoked(error)) throw error;
            forbid(state);
            return [refused("UNAUTHENTICATED", "The bearer token is invalid or revoked")];
          }
        }
        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          if (!viewer) {
            const outside = rootFields(operation.selectionSet, document).filter((f) => !ANONYMOUS_SUBSCRIPTIONS.has(f));
            if (outside.length > 0)
              return [
                refused(
                  "UNAUTHENTICATED",
                  `Sign in to subscribe to ${outside.join(", ")}; anonymous readers may subscribe to ` +
                    [...ANONYMOUS_SUBSCRIPTIONS].join(" and "),
                ),
              ];
          }
          for (const open of state.subscriptions.keys())
            if (!(open in ctx.subscriptions)) state.subscriptions.delete(open);
          const cap = viewer ? limits.wsSubscriptionsPerConnection : limits.wsAnonymousSubscriptionsPerConnection;
          if (state.subscriptions.size >= cap)
            return [
              refused(
                "RATE_LIMITED",
                `This connection already holds ${cap} subscriptions, the most allowed` +
                  `${viewer ? "" : " to an anonymous reader"}; complete one first`,
                { limit: cap },
              ),
            ];
          state.subscriptions.set(id, 0); // held at once: subscribe messages sent together are counted together
        }

        let cost: number;
        try {
          cost = enforceCost(schema, deps.costBudgets, viewer, {
            document,
            operationName: payload.operationName,
            variables: payload.variables,
          });
        } catch (error) {
          state.subscriptions.delete(id);
          return [error as GraphQLError];
        }
        if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
          // A subscription costs again on every event: together, one connection's stay within one budget.
          const held = [...state.subscriptions.values()].reduce((sum, c) => sum + c, 0);
          const budget = viewer ? deps.costBudgets.signedIn : deps.costBudgets.anonymous;
          if (held + cost > budget) {
            state.subscriptions.delete(id);
            return [
              refused(
                "BAD_USER_INPUT",
                `This subscription costs ${cost}; with those open on this connection (${held}) that is more ` +
                  `than the budget of ${budget}`,
                { cost, budget, fields: {} },
              ),
            ];
          }
          state.subscriptions.set(id, cost);
        }
        const owed = (await deps.limiter?.charge(caller, cost)) ?? 0;
        if (owed > 0) {
          state.subscriptions.delete(id);
          return [rateLimitedError(owed)];
        }
        return {
          schema,
          document,
          ...(payload.operationName ? { operationName: payload.operationName } : {}),
          ...(payload.variables ? { variableValues: payload.variables } : {}),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) => prepared(result),
      onError(_ctx, _id, _payload, errors) {
        return mapErrors(errors).map((e) => new GraphQLError(e.message, { extensions: e.extensions }));
      },
    },
    wss,
    {
      log: deps.logger,
      production,
      maxBufferedBytes: limits.wsMaxBufferedBytes,
      ...(deps.onSlowReader ? { onSlowReader: deps.onSlowReader } : {}),
    },
  );
  return {
    wss,
    /** Closes (4403) the sockets opened with the revoked tokens; with no detail, re-checks every token. */
    async revoked(revocation: Revocation): Promise<void> {
      const tokenIds = new Set(revocation.tokenIds ?? []);
      const anyone = tokenIds.size === 0 && !revocation.userId;
      for (const state of [...sockets]) {
        const credentials = state.credentials;
        if (!credentials) continue;
        if (tokenIds.has(credentials.tokenId) || credentials.viewer.userId === revocation.userId) forbid(state);
        else if (anyone && state.authorization)
          await deps.identify(state.authorization).then(
            () => undefined,
            (error: unknown) => {
              if (isRevoked(error)) forbid(state);
            },
          );
      }
    },
    async stop() {
      await cleanup.dispose();
      wss.close();
    },
  };
}
