import { Authorized, Extensions, type AuthChecker } from "type-graphql";
import { ForbiddenError, UnauthenticatedError } from "../errors.js";
import type { Role } from "./roles.js";
import type { GraphQLContext } from "../graphql/context.js";

/** Roles allowed on an operation; recorded in the schema so a test can prove every operation has one. */
export function Allow(...roles: Role[]): MethodDecorator {
  return (target, key, descriptor) => {
    Authorized(...roles)(target, key, descriptor);
    Extensions({ access: roles.join(",") })(target, key, descriptor);
  };
}

/** Open to anonymous readers: only public data may come back. */
export function Public(): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ access: "PUBLIC" })(target, key, descriptor);
  };
}

export const authChecker: AuthChecker<GraphQLContext, Role> = ({ context }, roles) => {
  if (!context.viewer) throw new UnauthenticatedError();
  if (roles.length > 0 && !roles.includes(context.viewer.role))
    throw new ForbiddenError(`This needs one of the roles ${roles.join(", ")}`);
  return true;
};
