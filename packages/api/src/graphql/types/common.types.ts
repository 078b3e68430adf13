import { Field, InputType, Int, ObjectType } from "type-graphql";

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType()
export class ContractYear {
  @Field(() => Date)
  start: Date;

  @Field(() => Date)
  end: Date;
}

@InputType()
export class ConferenceBridgeInput {
  @Field(() => String)
  url: string;

  @Field(() => String, { nullable: true })
  dialIn?: string | null;
}

export const FIRST_DEFAULT = 20;
export { Int };
