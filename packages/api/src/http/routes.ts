import type { Route } from "./app.js";

/** Plain HTTP endpoints served beside /graphql (calendar files, event intake, …). */
export const routes: Route[] = [];
