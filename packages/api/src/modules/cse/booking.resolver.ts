import { adminLoaders } from "../admin/index.js";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { CSE_ACTIVITY_DETAILS, type CseActivity } from "@liaison/domain";
import { Account } from "../accounts/index.js";
import { CseBooking, type BookingStatus } from "./cse-booking.entity.js";
import { User } from "../admin/index.js";
import { accountLoaders } from "../accounts/index.js";
import { ACCOUNT_READERS } from "../accounts/index.js";
import { availableSlots, getBooking, listBookings } from "./booking-queries.js";
import { BOOKERS, bookSession, cancelBooking } from "./bookings.js";
import { getWorkingHours, listEngineers, setWorkingHours } from "./working-hours.js";
import { Allow } from "../../platform/access/decorators.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { BookingStatusEnum, CseActivityEnum, SessionPartEnum, type SESSION_PARTS } from "./cse.enums.js";
import {
  AvailableSlot,
  BookingConnection,
  BookingSession,
  BookSessionInput,
  SetWorkingHoursInput,
  WorkingHours,
} from "./booking.types.js";

@Resolver(() => CseBooking)
export class BookingResolver {
  @Allow(...BOOKERS)
  @Mutation(() => CseBooking, {
    description:
      "Books a CSE session: NOT_ENTITLED, PRODUCT_REQUIREMENT_UNMET or ENTITLEMENT_EXHAUSTED when the policy says no",
  })
  bookSession(@Arg("input", () => BookSessionInput) input: BookSessionInput, @Ctx() ctx: GraphQLContext) {
    return bookSession(ctx.services, input);
  }

  @Allow(...BOOKERS)
  @Mutation(() => CseBooking, { description: "Frees the place under the cap; only before the session begins" })
  cancelBooking(@Arg("bookingId", () => ID) bookingId: string, @Ctx() ctx: GraphQLContext) {
    return cancelBooking(ctx.services, bookingId);
  }

  @Allow(...ACCOUNT_READERS)
  @Query(() => BookingConnection, {
    description: "Soonest first. A customer sees their own account's bookings only; staff may filter by CSE",
  })
  bookings(
    @Ctx() ctx: GraphQLContext,
    @Arg("accountId", () => ID, { nullable: true }) accountId?: string,
    @Arg("cseId", () => ID, { nullable: true }) cseId?: string,
    @Arg("status", () => BookingStatusEnum, { nullable: true }) status?: BookingStatus,
    @Arg("activity", () => CseActivityEnum, { nullable: true }) activity?: CseActivity,
    @Arg("from", () => Date, { nullable: true, description: "Sessions starting at or after" }) from?: Date,
    @Arg("to", () => Date, { nullable: true, description: "Sessions starting before" }) to?: Date,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listBookings(ctx.services, { accountId, cseId, status, activity, from, to }, first, after);
  }

  @Allow(...ACCOUNT_READERS)
  @Query(() => CseBooking, {
    nullable: true,
    description: "NOT_FOUND when no booking has this id or it belongs to another customer's account",
  })
  booking(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getBooking(ctx.services, id);
  }

  @Allow(...ACCOUNT_READERS)
  @Query(() => [AvailableSlot], {
    description: "Times (at most 31 days) the account could book the activity: a CSE is free and a place is left",
  })
  availableSlots(
    @Arg("accountId", () => ID) accountId: string,
    @Arg("activity", () => CseActivityEnum) activity: CseActivity,
    @Arg("from", () => Date) from: Date,
    @Arg("to", () => Date) to: Date,
    @Ctx() ctx: GraphQLContext,
    @Arg("part", () => SessionPartEnum, {
      nullable: true,
      description: "FOLLOW_UP lists follow-up times of an Incident Lifecycle Assessment",
    })
    part?: (typeof SESSION_PARTS)[number],
  ) {
    return availableSlots(ctx.services, { accountId, activity, from, to, part });
  }

  @FieldResolver(() => Account)
  account(@Root() booking: CseBooking, @Ctx() ctx: GraphQLContext) {
    return accountLoaders(ctx.services).account.load(booking.accountId);
  }

  @FieldResolver(() => User, { description: "The Customer Success Engineer taking every call of the booking" })
  cse(@Root() booking: CseBooking, @Ctx() ctx: GraphQLContext) {
    return adminLoaders(ctx.services).user.load(booking.cseId);
  }

  @FieldResolver(() => User, { nullable: true })
  bookedBy(@Root() booking: CseBooking, @Ctx() ctx: GraphQLContext) {
    return booking.bookedById ? adminLoaders(ctx.services).user.load(booking.bookedById) : null;
  }

  @FieldResolver(() => [BookingSession], { description: "The calls, in order; together they count once" })
  sessions(@Root() booking: CseBooking): BookingSession[] {
    const parts = CSE_ACTIVITY_DETAILS[booking.activity].timeCommitment.sessions;
    const calls = [{ part: parts[0]!.part, startsAt: booking.startsAt, endsAt: booking.endsAt }];
    if (parts[1] && booking.followUpStartsAt && booking.followUpEndsAt)
      calls.push({ part: parts[1].part, startsAt: booking.followUpStartsAt, endsAt: booking.followUpEndsAt });
    return calls;
  }

  @FieldResolver(() => String, { description: "Path of the iCalendar invitation (GET with the Bearer header)" })
  calendarUrl(@Root() booking: CseBooking): string {
    return `/bookings/${booking.id}.ics`;
  }
}

@Resolver(() => WorkingHours)
export class WorkingHoursResolver {
  @Allow("ADMIN", "CUSTOMER_SUCCESS_ENGINEER")
  @Mutation(() => WorkingHours, {
    description: "An ADMIN sets any CSE's weekly hours, a CSE their own; ranges are read in `timezone`",
  })
  setWorkingHours(
    @Arg("userId", () => ID) userId: string,
    @Arg("input", () => SetWorkingHoursInput) input: SetWorkingHoursInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return setWorkingHours(ctx.services, userId, input);
  }

  @Allow("ADMIN", "CUSTOMER_SUCCESS_ENGINEER")
  @Query(() => WorkingHours, { description: "A CSE's weekly hours (the default until set)" })
  workingHours(@Arg("userId", () => ID) userId: string, @Ctx() ctx: GraphQLContext) {
    return getWorkingHours(ctx.services, userId);
  }

  @Allow(...BOOKERS)
  @Query(() => [User], { description: "Every Customer Success Engineer, by name" })
  customerSuccessEngineers(@Ctx() ctx: GraphQLContext) {
    return listEngineers(ctx.services);
  }
}
