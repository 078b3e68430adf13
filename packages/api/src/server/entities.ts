import { featureModules } from "./modules.js";

/** Every TypeORM entity, gathered from the feature modules. */
export const entities = featureModules.flatMap((m) => m.entities);
