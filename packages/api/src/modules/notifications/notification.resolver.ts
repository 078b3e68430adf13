import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import { Incident } from "../incidents/index.js";
import { Notification, NotificationPreference } from "./notification.entity.js";
import { Ticket } from "../support/index.js";
import { UnauthenticatedError } from "../../platform/errors.js";
import {
  acknowledgeNotification,
  getNotification,
  listNotifications,
  notificationIncident,
  notificationTicket,
} from "./notifications.js";
import { myNotificationPreferences, updateNotificationPreferences } from "./preferences.js";
import { Allow } from "../../platform/access/decorators.js";
import { STAFF } from "../../platform/access/roles.js";
import type { GraphQLContext } from "../../platform/graphql/context.js";
import { NotificationConnection, UpdateNotificationPreferencesInput } from "./notification.types.js";

const EVERYONE = [...STAFF, "CUSTOMER" as const];

@Resolver(() => Notification)
export class NotificationResolver {
  @Allow(...EVERYONE)
  @Query(() => NotificationConnection, { description: "The signed-in user's notifications, newest first" })
  notifications(
    @Ctx() ctx: GraphQLContext,
    @Arg("unacknowledgedOnly", () => Boolean, { nullable: true }) unacknowledgedOnly?: boolean,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return listNotifications(ctx.services, unacknowledgedOnly, first, after);
  }

  @Allow(...EVERYONE)
  @Mutation(() => Notification, { description: "Acknowledging a page stops its escalation from climbing" })
  acknowledgeNotification(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return acknowledgeNotification(ctx.services, id);
  }

  @Allow(...EVERYONE)
  @Query(() => NotificationPreference, { description: "The signed-in user's channels and lead times" })
  notificationPreferences(@Ctx() ctx: GraphQLContext) {
    return myNotificationPreferences(ctx.services);
  }

  @Allow(...EVERYONE)
  @Mutation(() => NotificationPreference)
  updateNotificationPreferences(
    @Arg("input", () => UpdateNotificationPreferencesInput) input: UpdateNotificationPreferencesInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateNotificationPreferences(ctx.services, input);
  }

  @Allow(...EVERYONE)
  @Subscription(() => Notification, {
    description: "Each notification for the signed-in user, as it is created",
    subscribe: ({ context }) => {
      const ctx = context as GraphQLContext;
      const viewer = ctx.viewer;
      if (!viewer) throw new UnauthenticatedError();
      return ctx.services.bus.iterate((event) =>
        event.kind === "notification" && event.userId === viewer.userId
          ? getNotification(ctx.services, event.notificationId)
          : undefined,
      );
    },
  })
  notificationReceived(@Root() notification: Notification): Notification {
    return notification;
  }

  @FieldResolver(() => Ticket, { nullable: true })
  ticket(@Root() notification: Notification, @Ctx() ctx: GraphQLContext) {
    return notificationTicket(ctx.services, notification);
  }

  @FieldResolver(() => Incident, { nullable: true })
  incident(@Root() notification: Notification, @Ctx() ctx: GraphQLContext) {
    return notificationIncident(ctx.services, notification);
  }
}
