import { AppError } from "../../platform/errors.js";
import { bookingCalendar } from "./booking-calendar.js";
import type { Route } from "../../platform/http/http.js";

const PATH = /^\/bookings\/([^/]+)\.ics$/;
const STATUS: Partial<Record<AppError["code"], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

/** GET /bookings/:id.ics — the booking as an iCalendar file, authorised like the booking itself (Bearer). */
export const bookingCalendarRoute: Route = async (req, res, app) => {
  const match = PATH.exec(new URL(req.url ?? "/", "http://localhost").pathname);
  if (!match) return false;
  const fail = (status: number, code: string, message: string) => {
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      ...(status === 401 ? { "www-authenticate": "Bearer" } : {}),
    });
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
    return true;
  };
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return fail(405, "BAD_USER_INPUT", "Use GET");
  }
  try {
    const viewer = await app.authenticate(req.headers.authorization);
    if (!viewer) return fail(401, "UNAUTHENTICATED", "A valid bearer token is required");
    const file = await bookingCalendar(app.context(viewer), match[1]!);
    res.writeHead(200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    });
    res.end(req.method === "HEAD" ? undefined : file.body);
    return true;
  } catch (error) {
    if (error instanceof AppError) return fail(STATUS[error.code] ?? 400, error.code, error.message);
    throw error;
  }
};
