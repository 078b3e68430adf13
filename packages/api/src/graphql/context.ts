import type { Viewer } from "../auth/viewer.js";
import type { ServiceContext } from "../services/context.js";

export interface GraphQLContext {
  viewer: Viewer | null;
  services: ServiceContext;
}
