import type { AccessRules } from "./access/audience.js";
import type { ServiceContext } from "./context.js";
import type { Route } from "./http/http.js";
import type { QueueName } from "./timers/queues.js";

/** A job handler: runs as the system (no viewer), in its own transaction. */
type TimerHandler = (ctx: ServiceContext, data: never) => Promise<void>;

/** What a feature module hands the server: its GraphQL resolvers, entities, HTTP routes and job handlers. */
export interface FeatureModule {
  name: string;
  /** Who may read each field of the GraphQL types this module owns (a test proves none is forgotten). */
  access?: AccessRules;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql and TypeORM take classes
  resolvers: readonly Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: readonly Function[];
  routes?: readonly Route[];
  timers?: Partial<Record<QueueName, TimerHandler>>;
}
