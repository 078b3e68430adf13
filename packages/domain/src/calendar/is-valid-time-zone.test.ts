import { describe, expect, test } from "vitest";
import { isValidTimeZone } from "./is-valid-time-zone.js";

describe("isValidTimeZone", () => {
  test.each(["UTC", "Etc/UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"])(
    "accepts the IANA zone %s",
    (tz) => {
      expect(isValidTimeZone(tz)).toBe(true);
    },
  );

  test.each(["", " ", "Mars/Olympus_Mons", "local", "system", "+02:00", "-0500", "+02", "UTC+2", "Europe/Berlin "])(
    "refuses %j, which is not an IANA zone name",
    (tz) => {
      expect(isValidTimeZone(tz)).toBe(false);
    },
  );
});
