import { TZDate } from "@date-fns/tz";
import { getEnv } from "./env";

/** The newsroom's IANA time zone (NEWSDESK_TIME_ZONE, default Asia/Baku). */
export function newsroomTimeZone(): string {
  return getEnv().NEWSDESK_TIME_ZONE;
}

/** Wall-clock fields of an instant in a zone, and that zone's UTC offset then. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const formatters = new Map<string, Intl.DateTimeFormat>();
// Pages show the same few hundred instants over and over (every list shows
// the latest stories): remember their fields instead of recomputing them.
const wallClocks = new Map<string, WallClock>();
const MAX_REMEMBERED = 4096;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, zone: string): WallClock {
  const ms = instant.getTime();
  const key = `${zone}|${ms}`;
  const known = wallClocks.get(key);
  if (known) return known;
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const wall = {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    offsetMinutes: 0,
  };
  const wholeSecond = ms - (((ms % 1000) + 1000) % 1000);
  wall.offsetMinutes = Math.round((Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wholeSecond) / 60_000);
  if (wallClocks.size >= MAX_REMEMBERED) wallClocks.clear();
  wallClocks.set(key, wall);
  return wall;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function offsetText(minutes: number): string {
  if (minutes === 0) return "Z";
  const sign = minutes > 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** "October 16, 2024 17:40": the agency's dateline style, in the newsroom zone whatever the server's. */
export function formatNewsroomDateTime(instant: Date, zone = newsroomTimeZone()): string {
  const w = wallClock(instant, zone);
  return `${MONTHS[w.month - 1]} ${w.day}, ${w.year} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "17:40" for latest-news lists. */
export function formatNewsroomTime(instant: Date, zone = newsroomTimeZone()): string {
  const w = wallClock(instant, zone);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** "October 16, 2024" for grouping lists by day. */
export function formatNewsroomDate(instant: Date, zone = newsroomTimeZone()): string {
  const w = wallClock(instant, zone);
  return `${MONTHS[w.month - 1]} ${w.day}, ${w.year}`;
}

/** ISO 8601 with the newsroom offset: "2024-10-16T17:40:00+04:00" ("Z" when the offset is zero). */
export function toNewsroomIso(instant: Date, zone = newsroomTimeZone()): string {
  const w = wallClock(instant, zone);
  return `${String(w.year).padStart(4, "0")}-${pad2(w.month)}-${pad2(w.day)}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}${offsetText(w.offsetMinutes)}`;
}

/** Value for <input type="datetime-local">: "2024-10-16T17:40" in the newsroom zone. */
export function toNewsroomLocalInput(instant: Date, zone = newsroomTimeZone()): string {
  const w = wallClock(instant, zone);
  return `${String(w.year).padStart(4, "0")}-${pad2(w.month)}-${pad2(w.day)}T${pad2(w.hour)}:${pad2(w.minute)}`;
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
