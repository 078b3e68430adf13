import { PRODUCTS, SERVICE_TIERS } from "@liaison/domain";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const ServiceTierEnum = graphqlEnum(SERVICE_TIERS, "ServiceTier");
export const ProductEnum = graphqlEnum(PRODUCTS, "Product");
