import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { guardResponse } from "./response-guard";

/** A server whose "app" answers as told, behind the guard. */
async function serve(app: (res: http.ServerResponse) => void, isOutage: boolean) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    guardResponse(req, res, {
      isOutage: async () => isOutage,
      sendOutage: (_req, response) => {
        response.writeHead(503, { "content-type": "text/html", "retry-after": "5" });
        response.end("<h1>We'll be back in a moment</h1>");
      },
      onServerError: () => seen.push("500 let through"),
    });
    app(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url, seen };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const failingApps: Record<string, (res: http.ServerResponse) => void> = {
  "writeHead(500) then end(body)": (res) => {
    res.writeHead(500, { "content-type": "text/html" });
    res.end("<p>This page couldn't load</p>");
  },
  "statusCode = 500, write, end": (res) => {
    res.statusCode = 500;
    res.setHeader("content-type", "text/html");
    res.write("<p>This page ");
    res.end("couldn't load</p>");
  },
  "statusCode = 500, end only": (res) => {
    res.statusCode = 500;
    res.end();
  },
};

describe("guardResponse", () => {
  it.each(Object.entries(failingApps))("turns a 500 caused by an outage into the 503 page (%s)", async (_label, app) => {
    const { url } = await serve(app, true);
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toContain("We'll be back in a moment");
  });

  it.each(Object.entries(failingApps))("lets any other 500 through unchanged (%s)", async (_label, app) => {
    const { url, seen } = await serve(app, false);
    const response = await fetch(url);
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body === "" || body.includes("couldn't load")).toBe(true);
    expect(seen).toEqual(["500 let through"]);
  });

  it("never touches a successful answer, even during an outage", async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("all ");
      res.end("well");
    }, true);
    const response = await fetch(url);
    expect([response.status, await response.text()]).toEqual([200, "all well"]);
  });
});
