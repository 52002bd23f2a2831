/**
 * What lib/server/request-guard.mjs (and proxy.ts, under plain `next start`)
 * refuses, as pure functions of the method and the raw request target. The
 * why of each rule is in request-guard.mjs and docs/http-hardening.md.
 */
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
