/**
 * Refuses requests no page or route handler can answer, before the page
 * cache or Next.js sees them, with a short plain-text answer and the same
 * security headers as every page (docs/http-hardening.md):
 *
 * - a path with malformed percent-encoding (`/news/%FF`, `/news/%`) or bytes
 *   that are not UTF-8 (overlong forms such as `%C0%AE`, surrogates): 400 —
 *   Next.js would throw a URIError deep in routing and answer 500;
 * - a `.` or `..` segment in the path (browsers resolve them before sending;
 *   only a hand-made request has one): 400;
 * - a control character in the path (`%00`, `%0A`…), or a NUL anywhere in the
 *   query string: 400 — PostgreSQL rejects a NUL in text (error 22021), and no
 *   address on this site has one. Query strings are otherwise read leniently
 *   (a malformed `%` there is kept as typed, as URLSearchParams does): pages
 *   only read a few known parameters and validate them;
 * - a method the site does not serve (TRACE, PUT, DELETE, PROPFIND…): 405
 *   with `Allow`; OPTIONS: 204 with `Allow` (no CORS: other sites get no
 *   Access-Control-* grant);
 * - a request Node's HTTP parser cannot read (a garbage method token, a
 *   malformed header): 400 instead of Node's bare answer.
 *
 * Plain JavaScript because lib/server/start-server.mjs runs under plain Node
 * before the app is loaded; proxy.ts applies the same checks
 * (`checkRequestTarget`) under plain `next start`.
 */
import http from "node:http";
import { guardResponseHeaders } from "../security/guard-headers.mjs";
import { checkRequestTarget } from "./request-target.mjs";

export { checkRequestTarget } from "./request-target.mjs";

/** Writes a refusal with the site's security headers. */
function refuse(req, res, refusal) {
  const headers = { ...guardResponseHeaders(req.url ?? "/"), "Cache-Control": "no-store" };
  if (refusal.allow) headers.Allow = refusal.allow;
  if (refusal.status !== 204) headers["Content-Type"] = "text/plain; charset=utf-8";
  res.writeHead(refusal.status, headers);
  res.end(req.method === "HEAD" || refusal.status === 204 ? undefined : refusal.body);
}

/**
 * Puts the checks in front of `server`'s request handlers (registered before
 * this call) and answers unparseable requests with a proper 400. One call in
 * start-server.mjs, so the server's own handler stays as it is.
 *
 * @param {import("node:http").Server} server
 */
export function guardRequests(server) {
  const handlers = server.listeners("request");
  server.removeAllListeners("request");
  server.on("request", (req, res) => {
    if (refuseBadRequest(req, res)) return;
    for (const handler of handlers) handler.call(server, req, res);
  });
  server.on("clientError", answerClientError);
}

/**
 * The same for plain `next start`, whose HTTP server the app never sees:
 * proxy.ts already refuses most bad requests there, but TRACE/TRACK/CONNECT
 * make Next.js throw before the proxy runs (a 500), `.`/`..` segments get a
 * bare 308, and Node answers unparseable requests itself. So every HTTP
 * server in the process checks its requests first. Called from the app's
 * instrumentation hook, only when lib/server/start-server.mjs is not in
 * front (it calls guardRequests itself).
 */
export function guardEveryServer() {
  const proto = http.Server.prototype;
  if (proto[GUARDED]) return;
  proto[GUARDED] = true;
  const emit = proto.emit;
  proto.emit = function guardedEmit(event, ...args) {
    if (event === "request" && refuseBadRequest(args[0], args[1])) return true;
    if (event === "clientError" && this.listenerCount("clientError") === 0) {
      answerClientError(args[0], args[1]);
      return true;
    }
    return emit.call(this, event, ...args);
  };
}

const GUARDED = Symbol.for("newsdesk.requestGuard.installed");

/** Answers the request when it must be refused; true when it did. */
function refuseBadRequest(req, res) {
  const refusal = checkRequestTarget(req.method ?? "GET", req.url ?? "/");
  if (!refusal) return false;
  refuse(req, res, refusal);
  return true;
}

/** Node could not parse the request: a 400 (431 for oversized headers) with the security headers. */
function answerClientError(error, socket) {
  if (!socket.writable || error.code === "ECONNRESET") return socket.destroy();
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const reason = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
  const headers = Object.entries({ ...guardResponseHeaders("/"), "Content-Type": "text/plain; charset=utf-8", Connection: "close" })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  const body = `${reason}.\n`;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
