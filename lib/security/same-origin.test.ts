import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const siteOrigin = "http://localhost:3000";
const check = (headers: Record<string, string>, url = "http://localhost:3000/api/typo-reports") =>
  isSameOriginRequest({ headers: new Headers(headers), url: new URL(url), siteOrigin });

describe("isSameOriginRequest", () => {
  it("accepts a page on a second address of the same site (its Origin is the request's own Host)", () => {
    // Issue 10, observed fault 4: started as localhost, read on 127.0.0.1.
    expect(check({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(true);
    expect(check({ origin: "https://www.news.example", host: "www.news.example", "x-forwarded-proto": "https" })).toBe(true);
    expect(check({ origin: "https://news.example", host: "localhost:3000", "x-forwarded-host": "news.example", "x-forwarded-proto": "https" })).toBe(true);
    expect(check({ origin: "https://news.example", host: "news.example:443", "x-forwarded-proto": "https" })).toBe(true);
  });

  it("accepts Sec-Fetch-Site: same-origin, the configured origin, and non-browser clients", () => {
    expect(check({ "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000", host: "localhost:3000" })).toBe(true);
    expect(check({ origin: "http://localhost:3000", host: "internal:8080" })).toBe(true);
    expect(check({ host: "localhost:3000" })).toBe(true);
  });

  it("refuses other sites, whatever else the request says", () => {
    expect(check({ origin: "https://evil.example", host: "localhost:3000" })).toBe(false);
    expect(check({ origin: "https://evil.example", host: "127.0.0.1:3000", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(check({ "sec-fetch-site": "cross-site", host: "localhost:3000" })).toBe(false);
    expect(check({ "sec-fetch-site": "same-site", origin: "https://blog.news.example", host: "news.example" })).toBe(false);
    expect(check({ origin: "null", host: "localhost:3000" })).toBe(false);
    // Same host, other scheme: an http page cannot post as the https site.
    expect(check({ origin: "http://news.example", host: "news.example", "x-forwarded-proto": "https" })).toBe(false);
    expect(check({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000 junk" })).toBe(false);
  });
});
