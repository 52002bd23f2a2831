import { describe, expect, it } from "vitest";
import { getClientAddress, hashClientAddress, normalizeClientAddress } from "./client-address";

describe("client address", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["[2001:db8:1:2:3:4:5:6]:443", "2001:0db8:0001:0002::/64"],
    ["2001:db8:1:2::99", "2001:0db8:0001:0002::/64"],
    ["::1", "0000:0000:0000:0000::/64"],
    ["fe80::1%eth0", "fe80:0000:0000:0000::/64"],
    ["not-an-address", null],
    ["", null],
  ])("normalises %j to %j", (raw, expected) => {
    expect(normalizeClientAddress(raw)).toBe(expected);
  });

  it("takes the entry the trusted proxy appended, not the one the client sent", () => {
    const headers = { "x-forwarded-for": "198.51.100.1, 203.0.113.7" };
    expect(getClientAddress(headers, 1)).toBe("203.0.113.7");
    expect(getClientAddress(headers, 2)).toBe("198.51.100.1");
    expect(getClientAddress(headers, 5)).toBe("198.51.100.1");
  });

  it("reads Headers objects and falls back to X-Real-IP", () => {
    expect(getClientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(getClientAddress({ "x-real-ip": "203.0.113.10" }, 1)).toBe("203.0.113.10");
    expect(getClientAddress({}, 1)).toBeNull();
  });

  it("stores a keyed hash, never the address, and the same client always hashes alike", () => {
    const a = hashClientAddress({ "x-forwarded-for": "203.0.113.7" });
    expect(a).not.toContain("203");
    expect(a).toHaveLength(24);
    expect(hashClientAddress({ "x-forwarded-for": "203.0.113.7:4000" })).toBe(a);
    expect(hashClientAddress({ "x-forwarded-for": "203.0.113.8" })).not.toBe(a);
  });
});
