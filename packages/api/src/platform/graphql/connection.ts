import { Field, ObjectType, type ClassType } from "type-graphql";
import type { AccessRules } from "../access/audience.js";

/** Connections are structure: who sees a node is its own type's rule. */
export const connectionAccess: AccessRules = { PageInfo: { hasNextPage: "PUBLIC", endCursor: "PUBLIC" } };

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A Relay connection type (`XEdge`, `XConnection`) for a node type. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    // The page's size is counted once, by the field's `first` (see cost.ts), not again per edge list.
    @Field(() => [Edge], { complexity: ({ childComplexity }) => childComplexity })
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  connectionAccess[`${name}Edge`] = { cursor: "PUBLIC", node: "PUBLIC" };
  connectionAccess[`${name}Connection`] = { edges: "PUBLIC", pageInfo: "PUBLIC" };
  return Connection;
}
