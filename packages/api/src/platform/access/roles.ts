import { graphqlEnum } from "../graphql/enum.js";

export const ROLES = ["ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER"] as const;
export type Role = (typeof ROLES)[number];
export const RoleEnum = graphqlEnum(ROLES, "Role");

/** Everyone who works here; a CUSTOMER is a customer's user, bound to one account. */
export const STAFF_ROLES: readonly Role[] = ["ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER"];
export const STAFF: Role[] = [...STAFF_ROLES];
