import { describe, expect, it } from "vitest";
import {
  formatNewsroomDateTime,
  formatNewsroomTime,
  parseNewsroomLocalInput,
  toNewsroomIso,
  toNewsroomLocalInput,
} from "./time";

// The reference story: October 16, 2024 17:40 in Baku (UTC+4) = 13:40 UTC.
const reference = new Date("2024-10-16T13:40:00Z");

describe("newsroom time", () => {
  it("renders the agency's dateline in the newsroom zone, whatever the process zone", () => {
    // vitest.config.ts runs tests with TZ=America/New_York on purpose.
    expect(new Date().getTimezoneOffset()).not.toBe(-240);
    expect(formatNewsroomDateTime(reference)).toBe("October 16, 2024 17:40");
    expect(formatNewsroomTime(reference)).toBe("17:40");
  });

  it("gives ISO 8601 with the newsroom offset", () => {
    expect(toNewsroomIso(reference)).toBe("2024-10-16T17:40:00+04:00");
  });

  it("follows a configured zone", () => {
    expect(formatNewsroomDateTime(reference, "Europe/London")).toBe("October 16, 2024 14:40");
    expect(toNewsroomIso(reference, "UTC")).toBe("2024-10-16T13:40:00Z");
  });

  it("round-trips editor input typed in newsroom wall-clock time", () => {
    expect(parseNewsroomLocalInput("2024-10-16T17:40")?.toISOString()).toBe("2024-10-16T13:40:00.000Z");
    expect(toNewsroomLocalInput(reference)).toBe("2024-10-16T17:40");
  });

  it("rejects malformed and impossible times", () => {
    expect(parseNewsroomLocalInput("16.10.2024 17:40")).toBeUndefined();
    expect(parseNewsroomLocalInput("2024-02-30T10:00")).toBeUndefined();
    // 02:30 did not exist in London on 2024-03-31 (clocks went forward)
    expect(parseNewsroomLocalInput("2024-03-31T01:30", "Europe/London")).toBeUndefined();
  });
});
