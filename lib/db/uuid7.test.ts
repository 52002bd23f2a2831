import { describe, expect, it } from "vitest";
import { isUuid } from "../validations/uuid";
import { uuid7 } from "./uuid7";

describe("uuid7", () => {
  it("makes version-7 ids carrying the time", () => {
    const at = Date.UTC(2026, 10, 28, 12, 0, 0);
    const id = uuid7(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect("89ab").toContain(id[19]);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
  });

  it("only ever grows, even within one millisecond", () => {
    const ids = Array.from({ length: 5000 }, () => uuid7(Date.UTC(2030, 0, 1)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
