import { createNonce } from "../security/headers";
import type { StoredResponse } from "./store";

/** Headers that describe one transfer, not the content: never replayed from the cache. */
const TRANSFER_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "set-cookie",
  "etag",
  "age",
  "x-newsdesk-cache",
]);

/** A rendered answer as the loopback request received it. */
export interface RenderedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface PreparedResponse {
  response: StoredResponse;
  /** True when the answer may be kept: no cookie set, and an HTML page carries the placeholder nonce. */
  isStorable: boolean;
}

function splitBuffer(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(separator, start); at !== -1; at = body.indexOf(separator, start)) {
    parts.push(body.subarray(start, at));
    start = at + separator.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/**
 * Turns a rendered answer into what the cache keeps: content headers only,
 * the body cut where the placeholder nonce was stamped.
 */
export function prepareRenderedResponse(rendered: RenderedResponse, placeholderNonce: string): PreparedResponse {
  const bodyParts = splitBuffer(rendered.body, Buffer.from(placeholderNonce));
  // No script in the body (feeds, sitemaps, images): its CSP header needs no
  // per-answer nonce, and a fixed one keeps the answer byte-identical
  // (ETag, one gzip copy).
  const headerNonce = bodyParts.length === 1 ? createNonce() : undefined;
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(rendered.headers)) {
    if (value === undefined || TRANSFER_HEADERS.has(name)) continue;
    const text = Array.isArray(value) ? value.join(", ") : value;
    headers.push([name, headerNonce ? text.replaceAll(placeholderNonce, headerNonce) : text]);
  }
  const csp = String(rendered.headers["content-security-policy"] ?? "");
  const isHtml = String(rendered.headers["content-type"] ?? "").startsWith("text/html");
  const hasSetCookie = rendered.headers["set-cookie"] !== undefined;
  // An HTML page rendered with a real nonce (the proxy did not recognise the
  // render) would hand that nonce to every reader: serve it once, never keep it.
  const isStorable = !hasSetCookie && (!isHtml || csp.includes(placeholderNonce));
  return {
    response: { status: rendered.status, headers, bodyParts, byteLength: rendered.body.length },
    isStorable,
  };
}

/** True when the response must get a fresh nonce wherever the placeholder stands. */
export function hasNoncePlaceholder(response: StoredResponse, placeholderNonce: string): boolean {
  return response.bodyParts.length > 1 || response.headers.some(([, value]) => value.includes(placeholderNonce));
}
