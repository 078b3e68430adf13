import type { Viewer } from "../access/viewer.js";
import type { ServiceContext } from "../context.js";

export interface GraphQLContext {
  viewer: Viewer | null;
  services: ServiceContext;
}
