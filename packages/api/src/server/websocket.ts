import type { Server } from "node:http";
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Viewer } from "../platform/access/viewer.js";
import type { ServiceContext } from "../platform/context.js";
import { formatError } from "../platform/errors.js";
import type { GraphQLContext } from "../platform/graphql/context.js";
import { createSharedSubscribe, type SubscriptionObserver } from "../platform/graphql/shared-subscribe.js";
import { enterRequestId, newRequestId } from "../platform/logger.js";

export interface GraphQLOverWebSocket {
  schema: GraphQLSchema;
  validationRules: ValidationRule[];
  production: boolean;
  log: (error: unknown) => void;
  authenticate(header: string | null): Promise<Viewer | null>;
  context(viewer: Viewer | null): ServiceContext;
  subscriptions?: SubscriptionObserver;
}

/** graphql-ws on the HTTP server's port and path, with the same limits and error mapping as HTTP. */
export function graphqlOverWebSocket(httpServer: Server, deps: GraphQLOverWebSocket) {
  const { schema, production, log } = deps;
  const wss = new WebSocketServer({ server: httpServer, path: "/graphql" });
  const wsRules = [...specifiedRules, ...deps.validationRules];
  const mapErrors = (errors: readonly GraphQLError[] | readonly GraphQLFormattedError[]) =>
    errors.map((e) => {
      const formatted = formatError(e instanceof GraphQLError ? e.toJSON() : e, e, log);
      return production ? { ...formatted, message: formatted.message.replace(/ Did you mean .*$/, "") } : formatted;
    });
  const cleanup = useServer<{ authorization?: string }, { viewer?: Viewer | null }>(
    {
      schema,
      subscribe: createSharedSubscribe(deps.subscriptions),
      async onConnect(ctx) {
        const auth = ctx.connectionParams?.authorization;
        try {
          ctx.extra.viewer = await deps.authenticate(
            typeof auth === "string" ? (auth.startsWith("Bearer") ? auth : `Bearer ${auth}`) : null,
          );
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => {
        const viewer = ctx.extra.viewer ?? null;
        return { viewer, services: deps.context(viewer) } satisfies GraphQLContext;
      },
      onSubscribe(_ctx, _id, payload) {
        // Each operation is one request for the logs; set before the first await so execution inherits it.
        enterRequestId(newRequestId());
        // Parse and validation failures are the caller's: BAD_USER_INPUT, as over HTTP.
        const badInput = (errors: readonly GraphQLError[]) =>
          errors.map(
            (e) =>
              new GraphQLError(production ? e.message.replace(/ Did you mean .*$/, "") : e.message, {
                extensions: { code: "BAD_USER_INPUT" },
              }),
          );
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return badInput([error as GraphQLError]);
        }
        const errors = validate(schema, document, wsRules);
        return errors.length > 0 ? badInput(errors) : undefined;
      },
      onNext(_ctx, _id, _payload, _args, result) {
        const r = result as ExecutionResult;
        if (!r.errors?.length) return result;
        return { ...r, errors: mapErrors(r.errors) };
      },
      onError(_ctx, _id, _payload, errors) {
        return mapErrors(errors).map((e) => new GraphQLError(e.message, { extensions: e.extensions }));
      },
    },
    wss,
  );
  return {
    wss,
    async stop() {
      await cleanup.dispose();
      wss.close();
    },
  };
}
