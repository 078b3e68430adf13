import type { Route } from "../platform/http/http.js";
import { featureModules } from "./modules.js";

/** Plain HTTP endpoints served beside /graphql (calendar files, event intake, …), gathered from the modules. */
export const routes: Route[] = featureModules.flatMap((m) => m.routes ?? []);
