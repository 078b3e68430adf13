import { MAINTENANCE_STATUSES } from "@liaison/domain";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const MaintenanceStatusEnum = graphqlEnum(MAINTENANCE_STATUSES, "MaintenanceStatus");
