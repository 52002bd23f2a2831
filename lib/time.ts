import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { getEnv } from "./env";

/** The newsroom's IANA time zone (NEWSDESK_TIME_ZONE, default Asia/Baku). */
export function newsroomTimeZone(): string {
  return getEnv().NEWSDESK_TIME_ZONE;
}

function inZone(instant: Date, zone: string): TZDate {
  return new TZDate(instant.getTime(), zone);
}

/** "October 16, 2024 17:40": the agency's dateline style, in the newsroom zone whatever the server's. */
export function formatNewsroomDateTime(instant: Date, zone = newsroomTimeZone()): string {
  return format(inZone(instant, zone), "MMMM d, yyyy HH:mm");
}

/** "17:40" for latest-news lists. */
export function formatNewsroomTime(instant: Date, zone = newsroomTimeZone()): string {
  return format(inZone(instant, zone), "HH:mm");
}

/** "October 16, 2024" for grouping lists by day. */
export function formatNewsroomDate(instant: Date, zone = newsroomTimeZone()): string {
  return format(inZone(instant, zone), "MMMM d, yyyy");
}

/** ISO 8601 with the newsroom offset: "2024-10-16T17:40:00+04:00". */
export function toNewsroomIso(instant: Date, zone = newsroomTimeZone()): string {
  return format(inZone(instant, zone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** Value for <input type="datetime-local">: "2024-10-16T17:40" in the newsroom zone. */
export function toNewsroomLocalInput(instant: Date, zone = newsroomTimeZone()): string {
  return format(inZone(instant, zone), "yyyy-MM-dd'T'HH:mm");
}

/**
 * Reads a newsroom wall-clock time ("2024-10-16T17:40") as an instant.
 * Returns undefined for malformed input or a time that does not exist.
 */
export function parseNewsroomLocalInput(value: string, zone = newsroomTimeZone()): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number, number, number, number, number, number,
  ];
  const date = new TZDate(year, month - 1, day, hour, minute, second, zone);
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject wall-clock times that were skipped (DST) or rolled over (Feb 30).
  if (toNewsroomLocalInput(new Date(date.getTime()), zone) !== `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`) {
    return undefined;
  }
  return new Date(date.getTime());
}
