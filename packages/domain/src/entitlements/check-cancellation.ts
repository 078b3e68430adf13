export type BookingStatus = "CONFIRMED" | "CANCELLED";

export type CancellationCheck =
  { allowed: true } | { allowed: false; reason: "ALREADY_CANCELLED" | "ALREADY_STARTED"; message: string };

/**
 * A booking may be cancelled until its first call begins; cancelling frees its place under the cap.
 * A session that has begun has been used, so it keeps counting.
 */
export function checkCancellation(booking: { status: BookingStatus; startsAt: Date }, now: Date): CancellationCheck {
  if (booking.status === "CANCELLED")
    return { allowed: false, reason: "ALREADY_CANCELLED", message: "This booking is already cancelled." };
  if (booking.startsAt.getTime() <= now.getTime())
    return {
      allowed: false,
      reason: "ALREADY_STARTED",
      message: "This session has already begun and counts as used; it can no longer be cancelled.",
    };
  return { allowed: true };
}
