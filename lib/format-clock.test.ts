import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatWhen, toLocalInputValue } from "./format-clock";
import { formatNewsroomDateTime, toNewsroomLocalInput } from "./time";

describe("client clock labels", () => {
  const instant = new Date("2024-10-16T13:40:05Z");
  it("format in the newsroom zone whatever the machine's", () => {
    expect(formatClock(instant, "Asia/Baku")).toBe("17:40:05");
    expect(formatClock(instant, "Asia/Baku", false)).toBe("17:40");
    expect(formatDateTime(instant, "Asia/Baku")).toBe(formatNewsroomDateTime(instant, "Asia/Baku"));
    expect(toLocalInputValue(instant, "Asia/Baku")).toBe(toNewsroomLocalInput(instant, "Asia/Baku"));
    expect(formatClock(new Date("2024-10-16T20:00:00Z"), "Asia/Baku")).toBe("00:00:00");
  });
  it("shorten to the time on the same day", () => {
    expect(formatWhen(instant, "Asia/Baku", new Date("2024-10-16T18:00:00Z"))).toBe("17:40");
    expect(formatWhen(instant, "Asia/Baku", new Date("2024-10-18T18:00:00Z"))).toBe("Oct 16, 17:40");
  });
});
