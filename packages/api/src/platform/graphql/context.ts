import type { Viewer } from "../access/viewer.js";
import type { ServiceContext } from "../context.js";

export interface GraphQLContext {
  viewer: Viewer | null;
  services: ServiceContext;
  /** Whom the rate limit charges (`user:<id>`, or `ip:<address>` when anonymous), where one applies. */
  caller?: string;
}
