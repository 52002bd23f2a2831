/**
 * Clock and date labels in the newsroom's zone, for client components (the
 * server-side formatters in lib/time.ts read the environment, which the
 * browser does not have; the zone is passed down instead). Intl only.
 */
function parts(instant: Date, zone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const formatted = new Intl.DateTimeFormat("en-US", { ...options, timeZone: zone, hourCycle: "h23" }).formatToParts(instant);
  return Object.fromEntries(formatted.map((p) => [p.type, p.value]));
}

/** "10:42:05" (or "10:42" without seconds). */
export function formatClock(instant: Date, zone: string, withSeconds = true): string {
  const p = parts(instant, zone, { hour: "2-digit", minute: "2-digit", ...(withSeconds ? { second: "2-digit" } : {}) });
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** "October 16, 2024 17:40", the agency's style. */
export function formatDateTime(instant: Date, zone: string): string {
  const p = parts(instant, zone, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return `${p.month} ${p.day}, ${p.year} ${p.hour}:${p.minute}`;
}

/** "10:42" today, "Oct 15, 10:42" on another day: short enough for banners. */
export function formatWhen(instant: Date, zone: string, now = new Date()): string {
  const day = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, dateStyle: "short" }).format(d);
  if (day(instant) === day(now)) return formatClock(instant, zone, false);
  const p = parts(instant, zone, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return `${p.month} ${p.day}, ${p.hour}:${p.minute}`;
}

/** "2024-10-16T17:40" for datetime-local inputs. */
export function toLocalInputValue(instant: Date, zone: string): string {
  const p = parts(instant, zone, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
