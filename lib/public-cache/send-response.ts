import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzip, gzipSync } from "node:zlib";
import { createNonce } from "../security/headers";
import type { CacheEntry, PageCacheStore, StoredResponse } from "./store";
import { CACHE_STATUS_HEADER } from "./state";

export interface SendOptions {
  response: StoredResponse;
  /** The cache entry it came from (HIT, or a MISS that was stored). */
  entry?: CacheEntry;
  store: PageCacheStore;
  placeholderNonce: string;
  hasNonce: boolean;
  cacheControl?: string;
  cacheStatus: "HIT" | "MISS" | "BYPASS" | "STALE";
}

const COMPRESSIBLE = /^(text\/|application\/(xml|rss\+xml|atom\+xml|json|ld\+json|javascript))/;
const MIN_COMPRESS_BYTES = 1024;

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers["accept-encoding"];
  return typeof accept === "string" && /\bgzip\b/.test(accept) && !/\bgzip;\s*q=0(\.0+)?\b/.test(accept);
}

function headerValue(response: StoredResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key === name)?.[1];
}

function joinBody(parts: Buffer[], nonce: Buffer | undefined): Buffer {
  if (parts.length === 1 || !nonce) return parts[0] ?? Buffer.alloc(0);
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(nonce);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

function entityTag(entry: CacheEntry, store: PageCacheStore, body: Buffer): string {
  const known = entry.extras.get("etag");
  if (known) return known.toString();
  const tag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  store.addExtra(entry, "etag", Buffer.from(tag));
  return tag;
}

/**
 * Writes a cached (or just rendered) response. HTML gets a fresh nonce in
 * its body and CSP header on every answer. Bodies without a nonce (feeds,
 * sitemaps) are byte-identical across answers, so they also get an ETag,
 * conditional 304s and a gzip copy kept beside the entry; HTML is gzipped
 * per answer (off the main thread), since its nonce differs every time.
 */
export function sendStoredResponse(req: IncomingMessage, res: ServerResponse, options: SendOptions): void {
  const { response, entry, store, placeholderNonce, hasNonce } = options;
  const nonce = hasNonce ? createNonce() : undefined;
  for (const [name, value] of response.headers) res.setHeader(name, nonce ? value.replaceAll(placeholderNonce, nonce) : value);
  if (options.cacheControl) res.setHeader("cache-control", options.cacheControl);
  res.setHeader(CACHE_STATUS_HEADER, options.cacheStatus);
  if (entry && (options.cacheStatus === "HIT" || options.cacheStatus === "STALE")) res.setHeader("age", String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))));
  const body = joinBody(response.bodyParts, nonce ? Buffer.from(nonce) : undefined);
  const isHead = req.method === "HEAD";

  const contentType = headerValue(response, "content-type") ?? "";
  const isCompressible = COMPRESSIBLE.test(contentType) && body.length >= MIN_COMPRESS_BYTES;
  if (isCompressible) {
    const vary = headerValue(response, "vary");
    if (!vary || !/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }

  if (!nonce && entry && response.status === 200) {
    const etag = entityTag(entry, store, body);
    res.setHeader("etag", etag);
    if (req.headers["if-none-match"] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
  }

  res.statusCode = response.status;
  if (!isCompressible || !acceptsGzip(req)) {
    res.setHeader("content-length", body.length);
    res.end(isHead ? undefined : body);
    return;
  }
  res.setHeader("content-encoding", "gzip");
  if (!nonce && entry) {
    let compressed = entry.extras.get("gzip");
    if (!compressed) {
      compressed = gzipSync(body);
      store.addExtra(entry, "gzip", compressed);
    }
    res.setHeader("content-length", compressed.length);
    res.end(isHead ? undefined : compressed);
    return;
  }
  gzip(body, { level: 6 }, (error, compressed) => {
    if (error) {
      res.removeHeader("content-encoding");
      res.setHeader("content-length", body.length);
      res.end(isHead ? undefined : body);
      return;
    }
    res.setHeader("content-length", compressed.length);
    res.end(isHead ? undefined : compressed);
  });
}
