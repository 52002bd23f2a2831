import { formatNewsroomDateTime, formatNewsroomTime, toNewsroomIso } from "@/lib/time";

/** A <time> whose visible text and machine value agree, both in the newsroom zone. */
export function NewsroomTime({ instant, style = "datetime" }: { instant: Date; style?: "datetime" | "time" }) {
  const text = style === "time" ? formatNewsroomTime(instant) : formatNewsroomDateTime(instant);
  return <time dateTime={toNewsroomIso(instant)}>{text}</time>;
}
