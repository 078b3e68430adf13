import { GraphQLDateTime } from "graphql-scalars";
import type { GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { authChecker } from "../platform/access/decorators.js";
import { applyAudiences, mergeAccessRules } from "../platform/access/audience.js";
import { guardArguments } from "../platform/graphql/argument-guard.js";
import { connectionAccess } from "../platform/graphql/connection.js";
import { featureModules } from "./modules.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes
const resolvers = featureModules.flatMap((m) => m.resolvers) as unknown as NonEmptyArray<Function>;

/** Who may read each field, from every module (and the connection types). */
export const accessRules = () =>
  mergeAccessRules([connectionAccess, ...featureModules.flatMap((m) => (m.access ? [m.access] : []))]);

let built: Promise<GraphQLSchema> | null = null;

/** Built once per process: type-graphql's metadata is global anyway. */
export function liaisonSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: "error",
    validate: false,
    scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    // Subscriptions bring their own `subscribe` over the EventBus; type-graphql still insists on a PubSub.
    pubSub: {
      publish: () => {
        throw new Error("publish through the EventBus");
      },
      subscribe: () => {
        throw new Error("subscribe through the EventBus");
      },
    },
  }).then((schema) => guardArguments(applyAudiences(schema, accessRules())));
  return built;
}
