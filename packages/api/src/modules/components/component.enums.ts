import { COMPONENT_STATUSES, STATUS_INDICATORS } from "@liaison/domain";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const ComponentStatusEnum = graphqlEnum(COMPONENT_STATUSES, "ComponentStatus");
export const StatusIndicatorEnum = graphqlEnum(STATUS_INDICATORS, "StatusIndicator");
