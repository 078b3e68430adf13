import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { CSE_ACTIVITY_DETAILS } from "@liaison/domain";
import { Account } from "../accounts/index.js";
import { User } from "../admin/index.js";
import type { CseBooking } from "./cse-booking.entity.js";
import { getBooking } from "./booking-queries.js";
import type { ServiceContext } from "../../platform/context.js";

export interface CalendarFile {
  filename: string;
  body: string;
}

const PART_LABEL = { SESSION: "", DISCOVERY: " (discovery)", FOLLOW_UP: " (follow-up)" } as const;

/**
 * The booking as an iCalendar invitation: one event per call, from the CSE to whoever booked.
 * A cancelled booking comes as METHOD:CANCEL with STATUS:CANCELLED and a higher SEQUENCE, so calendars
 * that imported the invitation remove it.
 */
export async function bookingCalendar(ctx: ServiceContext, rawId: unknown): Promise<CalendarFile> {
  const booking = await getBooking(ctx, rawId);
  const [account, cse, booker] = await Promise.all([
    ctx.db.getRepository(Account).findOneByOrFail({ id: booking.accountId }),
    ctx.db.getRepository(User).findOneByOrFail({ id: booking.cseId }),
    booking.bookedById ? ctx.db.getRepository(User).findOneBy({ id: booking.bookedById }) : null,
  ]);
  const details = CSE_ACTIVITY_DETAILS[booking.activity];
  const cancelled = booking.status === "CANCELLED";
  const calendar = ical({
    prodId: { company: "Liaison", product: "CSE bookings", language: "EN" },
    name: `${details.name}: ${account.name}`,
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  for (const call of callsOf(booking)) {
    calendar.createEvent({
      id: `${booking.id}-${call.part.toLowerCase()}@liaison`,
      sequence: cancelled ? 1 : 0,
      stamp: ctx.clock.now(),
      created: booking.createdAt,
      lastModified: booking.cancelledAt ?? booking.createdAt,
      start: call.start,
      end: call.end,
      summary: `${cancelled ? "Cancelled: " : ""}${details.name}${PART_LABEL[call.part]} with ${cse.name}`,
      description: [
        `Customer Success Engineer session for ${account.name}.`,
        `Outcome: ${details.outcome}`,
        `Customer requirements: ${details.customerRequirements}`,
        `Time commitment: ${details.timeCommitment.text}`,
        ...(booking.notes ? [`Notes: ${booking.notes}`] : []),
      ].join("\n\n"),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: cse.name, email: cse.email },
      attendees: booker
        ? [{ name: booker.name, email: booker.email, role: ICalAttendeeRole.REQ, rsvp: !cancelled }]
        : [],
    });
  }
  return { filename: `booking-${booking.id}.ics`, body: calendar.toString() };
}

function callsOf(booking: CseBooking) {
  const parts = CSE_ACTIVITY_DETAILS[booking.activity].timeCommitment.sessions;
  const calls = [{ part: parts[0]!.part, start: booking.startsAt, end: booking.endsAt }];
  if (booking.followUpStartsAt && booking.followUpEndsAt && parts[1])
    calls.push({ part: parts[1].part, start: booking.followUpStartsAt, end: booking.followUpEndsAt });
  return calls;
}
