import { describe, expect, it } from "vitest";
import { appendPeerAddress, getClientAddress, hashClientAddress, normalizeClientAddress } from "./client-address";

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
    // client sent 198.51.100.1, the proxy saw 203.0.113.7, the server's peer is the proxy 10.0.0.2.
    const headers = { "x-forwarded-for": "198.51.100.1, 203.0.113.7, 10.0.0.2" };
    expect(getClientAddress(headers, 1)).toBe("203.0.113.7");
    expect(getClientAddress(headers, 2)).toBe("198.51.100.1");
    expect(getClientAddress(headers, 5)).toBe("198.51.100.1");
  });

  it("finding 3: behind nothing (the default, 0 hops) a forged X-Forwarded-For changes nothing", () => {
    const peer = "203.0.113.7";
    const forged = (value: string) => ({ "x-forwarded-for": appendPeerAddress(value, peer) });
    expect(getClientAddress(forged("198.51.100.1"))).toBe(peer);
    expect(getClientAddress(forged("1.1.1.1, 2.2.2.2"))).toBe(peer);
    expect(hashClientAddress(forged("198.51.100.99"))).toBe(hashClientAddress({ "x-forwarded-for": peer }));
    expect(appendPeerAddress(undefined, peer)).toBe(peer);
    expect(appendPeerAddress(["a", "b"], peer)).toBe(`a, b, ${peer}`);
  });

  it("reads Headers objects and falls back to X-Real-IP", () => {
    expect(getClientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), 0)).toBe("203.0.113.9");
    expect(getClientAddress({ "x-real-ip": "203.0.113.10" }, 0)).toBe("203.0.113.10");
    expect(getClientAddress({}, 0)).toBeNull();
  });

  it("stores a keyed hash, never the address, and the same client always hashes alike", () => {
    const a = hashClientAddress({ "x-forwarded-for": "203.0.113.7" });
    expect(a).not.toContain("203");
    expect(a).toHaveLength(24);
    expect(hashClientAddress({ "x-forwarded-for": "203.0.113.7:4000" })).toBe(a);
    expect(hashClientAddress({ "x-forwarded-for": "203.0.113.8" })).not.toBe(a);
  });
});
