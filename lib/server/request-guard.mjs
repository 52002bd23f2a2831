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
import { guardResponseHeaders } from "../security/guard-headers.mjs";

/** Every method some page or route handler answers (server actions are POSTs to page URLs). */
export const ALLOWED_METHODS = Object.freeze(["GET", "HEAD", "POST", "OPTIONS"]);
const ALLOW = ALLOWED_METHODS.join(", ");

const BAD_TARGET = "Bad request: this address is not valid (malformed percent-encoding, invalid UTF-8 or a control character).\n";
const BAD_METHOD = `Method not allowed. This site answers ${ALLOW}.\n`;

const encoder = new TextEncoder();
const utf8 = new TextDecoder("utf-8", { fatal: true });
const HEX = /^[0-9a-f]{2}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The path as a browser meant it, or null when its percent-encoding is
 * malformed or the bytes are not UTF-8 (the fatal decoder refuses overlong
 * forms, surrogates and stray continuation bytes).
 */
export function decodePathStrictly(path) {
  const bytes = [];
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === "%") {
      const hex = path.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return null;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...encoder.encode(ch));
    }
  }
  try {
    return utf8.decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

/** `/a/../b`, `/a/.`: browsers resolve these before sending; Next.js would answer a bare 308. */
const hasDotSegment = (path) => path.split("/").some((segment) => segment === "." || segment === "..");

function splitTarget(target) {
  let rest = target;
  // Absolute form ("GET http://host/path"), as proxies send it.
  const absolute = /^https?:\/\/[^/?#]*/i.exec(rest);
  if (absolute) rest = rest.slice(absolute[0].length) || "/";
  if (!rest.startsWith("/")) return null;
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf("?");
  return q < 0 ? { path: rest, query: "" } : { path: rest.slice(0, q), query: rest.slice(q + 1) };
}

/**
 * What to answer instead of routing, or null when the request may go on.
 * `target` is the raw request target (`req.url`), still percent-encoded.
 *
 * @param {string} method
 * @param {string} target
 * @returns {{ status: 204 | 400 | 405, allow?: string, body: string } | null}
 */
export function checkRequestTarget(method, target) {
  const upper = method.toUpperCase();
  if (!ALLOWED_METHODS.includes(upper)) return { status: 405, allow: ALLOW, body: BAD_METHOD };
  if (upper === "OPTIONS") return { status: 204, allow: ALLOW, body: "" };
  const parts = splitTarget(target);
  if (!parts) return { status: 400, body: BAD_TARGET };
  const path = decodePathStrictly(parts.path);
  if (path === null || CONTROL.test(path) || hasDotSegment(path)) return { status: 400, body: BAD_TARGET };
  if (/%00/.test(parts.query) || parts.query.includes("\u0000")) return { status: 400, body: BAD_TARGET };
  return null;
}

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
    const refusal = checkRequestTarget(req.method ?? "GET", req.url ?? "/");
    if (refusal) return refuse(req, res, refusal);
    for (const handler of handlers) handler.call(server, req, res);
  });
  server.on("clientError", (error, socket) => {
    if (!socket.writable || error.code === "ECONNRESET") return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const reason = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
    const headers = Object.entries({ ...guardResponseHeaders("/"), "Content-Type": "text/plain; charset=utf-8", Connection: "close" })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    const body = `${reason}.\n`;
    socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}
