import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseSecurityHeaders, buildContentSecurityPolicy } from "../security/headers";
import { guardBaseHeaders, guardContentSecurityPolicy } from "../security/guard-headers.mjs";
import { guardEveryServer, guardRequests } from "./request-guard.mjs";
import { checkRequestTarget, decodePathStrictly } from "./request-target.mjs";

describe("checkRequestTarget", () => {
  it.each([
    "/news/%FF", // not UTF-8
    "/news/%", // truncated escape
    "/news/%zz",
    "/news/%E2%82", // truncated sequence
    "/tags/%C0%AE%C0%AE", // overlong "..": the classic traversal trick
    "/tags/%ED%A0%80", // a UTF-16 surrogate
    "/tags/%00", // NUL: PostgreSQL error 22021
    "/tags/a%0Ab", // control characters have no place in a path
    "/search?q=%00",
    "/search?q=a%00b&page=1",
    "no-leading-slash",
    "/news/../admin", // dot segments: a browser resolves them first
    "/news/%2e%2e/admin",
    "/news/.",
  ])("refuses %j with 400", (target) => {
    expect(checkRequestTarget("GET", target)).toMatchObject({ status: 400 });
  });

  it.each(["/", "/news/world/a-story", "/tags/caf%C3%A9", "/tags/%E2%9C%93", "/search?q=%", "/search?q=%FF%ZZ&page=x", "/search?q=100%25", "http://localhost:3000/news"])(
    "lets %j through (query strings are read leniently)",
    (target) => {
      expect(checkRequestTarget("GET", target)).toBeNull();
    },
  );

  it("answers unsupported methods with 405 and OPTIONS with 204, both with Allow", () => {
    for (const method of ["TRACE", "TRACK", "PUT", "DELETE", "PATCH", "PROPFIND", "CONNECT"]) {
      expect(checkRequestTarget(method, "/")).toEqual({ status: 405, allow: "GET, HEAD, POST, OPTIONS", body: expect.stringContaining("not allowed") });
    }
    expect(checkRequestTarget("OPTIONS", "*")).toMatchObject({ status: 204, allow: "GET, HEAD, POST, OPTIONS" });
    for (const method of ["GET", "HEAD", "POST", "get"]) expect(checkRequestTarget(method, "/")).toBeNull();
  });

  it("decodes valid UTF-8 paths", () => {
    expect(decodePathStrictly("/tags/caf%C3%A9")).toBe("/tags/café");
    expect(decodePathStrictly("/tags/%F0%9F%93%B0")).toBe("/tags/📰");
  });
});

describe("the guard's security headers", () => {
  it("are lib/security/headers.ts's, for the public site and the admin", () => {
    for (const isAdmin of [false, true]) {
      expect(guardBaseHeaders(isAdmin)).toEqual(baseSecurityHeaders(isAdmin));
      expect(guardBaseHeaders(isAdmin, "https://news.example")).toEqual(baseSecurityHeaders(isAdmin, "https://news.example"));
      expect(guardContentSecurityPolicy("n0nce", isAdmin)).toBe(buildContentSecurityPolicy({ nonce: "n0nce", isAdmin, isDev: false }));
    }
  });
});

describe("guardRequests in front of a server", () => {
  let server: http.Server;
  let port: number;
  const reached: string[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.end("app");
    });
    guardRequests(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Raw HTTP, so nothing on the way normalises the request. */
  function raw(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.end(request));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
  }

  it("refuses bad requests with the security headers, and never lets them reach the app", async () => {
    const answer = await raw("GET /news/%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-security-policy: default-src 'self'/i);
    expect(answer).toMatch(/x-content-type-options: nosniff/i);
    const trace = await raw("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(trace).toMatch(/^HTTP\/1\.1 405 /);
    expect(trace).toMatch(/allow: GET, HEAD, POST, OPTIONS/i);
    const options = await raw("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(options).toMatch(/^HTTP\/1\.1 204 /);
    expect(reached).toEqual([]);
    expect(await raw("GET /news/world HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 200 /);
    expect(reached).toEqual(["GET /news/world"]);
  });

  it("answers a request Node cannot parse with a 400 carrying the security headers", async () => {
    for (const request of ["G@T / HTTP/1.1\r\nHost: x\r\n\r\n", "GET / HTTP/1.1\r\nBad Header\r\n\r\n", "GET /\u0000 HTTP/1.1\r\n\r\n"]) {
      const answer = await raw(request);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/x-content-type-options: nosniff/i);
      expect(answer).not.toMatch(/\bat \S+ \(/); // no stack trace
    }
  });
});

describe("guardEveryServer (plain next start)", () => {
  it("checks the requests of a server it never saw created", async () => {
    guardEveryServer();
    const reached: string[] = [];
    const server = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.end("app");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const get = (method: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        http.request({ port, host: "127.0.0.1", method, path }, (res) => resolve(res.statusCode ?? 0)).on("error", reject).end();
      });
    try {
      expect(await get("TRACE", "/")).toBe(405);
      expect(await get("GET", "/news/%FF")).toBe(400);
      expect(await get("GET", "/news/../admin")).toBe(400);
      expect(await get("GET", "/news/world")).toBe(200);
      expect(reached).toEqual(["GET /news/world"]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
