import { Field, Int, ObjectType } from "type-graphql";
import type { CseActivity, Product, ServiceTier, SessionPart } from "@liaison/domain";
import { ProductEnum, ServiceTierEnum } from "../../accounts/index.js";
import { CseActivityEnum, EntitlementRefusalEnum, SessionPartEnum } from "../cse.enums.js";

@ObjectType()
export class ContractYear {
  @Field(() => Date)
  start: Date;

  @Field(() => Date)
  end: Date;
}

@ObjectType()
export class SessionLength {
  @Field(() => SessionPartEnum)
  part: SessionPart;

  @Field(() => Int)
  durationMinutes: number;
}

@ObjectType()
export class TimeCommitment {
  @Field(() => String, { description: "The policy's sentence" })
  text: string;

  @Field(() => Int, { description: "All calls together" })
  totalMinutes: number;

  @Field(() => [SessionLength], { description: "The calls of one booking; together they count once" })
  sessions: SessionLength[];
}

@ObjectType()
export class ProductRequirements {
  @Field(() => String, { description: "The policy's sentence" })
  text: string;

  @Field(() => [ProductEnum], { description: "Each of these is required" })
  required: Product[];

  @Field(() => [ProductEnum], { description: "At least one of these is required (when not empty)" })
  anyOf: Product[];

  @Field(() => [ProductEnum], { description: "Worth having; not required" })
  recommended: Product[];

  @Field(() => [ProductEnum], { description: "Optional; change nothing" })
  optional: Product[];
}

@ObjectType()
export class TierCap {
  @Field(() => ServiceTierEnum)
  tier: ServiceTier;

  @Field(() => Int, { nullable: true, description: "Sessions per contract year; null is N/A (not included)" })
  cap: number | null;
}

@ObjectType({ description: "An activity as the CSE usage policy describes it" })
export class CseActivityDetails {
  @Field(() => CseActivityEnum)
  activity: CseActivity;

  @Field(() => String)
  name: string;

  @Field(() => String)
  description: string;

  @Field(() => String)
  outcome: string;

  @Field(() => String, { description: "What participants should bring, shown before booking" })
  customerRequirements: string;

  @Field(() => TimeCommitment)
  timeCommitment: TimeCommitment;

  @Field(() => ProductRequirements)
  productRequirements: ProductRequirements;

  @Field(() => [TierCap], { description: "The row of the policy's caps table" })
  caps: TierCap[];
}

@ObjectType()
export class ActivityEntitlement {
  @Field(() => CseActivityEnum)
  activity: CseActivity;

  @Field(() => Int, { nullable: true, description: "Sessions this contract year; null where the tier has none" })
  cap: number | null;

  @Field(() => Int, { description: "Confirmed sessions taking place this contract year" })
  used: number;

  @Field(() => Int, { nullable: true })
  remaining: number | null;

  @Field(() => Boolean, { description: "Whether a session could be booked now" })
  eligible: boolean;

  @Field(() => String, { nullable: true, description: "Why not, when not eligible" })
  reason: string | null;

  @Field(() => EntitlementRefusalEnum, { nullable: true, description: "The error code a booking would get" })
  reasonCode: "NOT_ENTITLED" | "PRODUCT_REQUIREMENT_UNMET" | "ENTITLEMENT_EXHAUSTED" | null;

  @Field(() => [CseActivityEnum], { description: "Activities sharing this allowance (footnote 2)" })
  sharedWith: CseActivity[];

  @Field(() => [ProductEnum], { description: "Recommended products the account lacks" })
  recommendedProductsMissing: Product[];

  @Field(() => CseActivityDetails)
  details: CseActivityDetails;
}

@ObjectType()
export class EntitlementSummary {
  accountId: string;

  @Field(() => Date, { description: "The instant the summary is for" })
  at: Date;

  @Field(() => ServiceTierEnum, { description: "The tier in force at `at`" })
  tier: ServiceTier;

  @Field(() => ContractYear, { description: "end is exclusive: the next contract year starts there" })
  contractYear: ContractYear;

  @Field(() => [ActivityEntitlement], { description: "One per activity, in the policy's order" })
  activities: ActivityEntitlement[];

  @Field(() => [String], { description: "The policy's footnotes, verbatim" })
  footnotes: string[];
}
