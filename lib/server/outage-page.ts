import type { IncomingMessage, ServerResponse } from "node:http";
import { getEnv } from "../env";
import { escapeHtml } from "../html";
import { baseSecurityHeaders, buildContentSecurityPolicy, createNonce, isAdminPath } from "../security/headers";

/** Marks an answer as "the database is unavailable" (the page cache reads it on its own renders). */
export const OUTAGE_HEADER = "x-newsdesk-outage";
/** What readers and clients are told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export type OutageArea = "public" | "admin" | "api";

export function outageAreaOf(url: string): OutageArea {
  const pathname = url.split("?", 1)[0] ?? "/";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  return isAdminPath(pathname) ? "admin" : "public";
}

// Self-contained: no stylesheet, script or font to fetch from a server that is struggling.
const STYLE = `body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.6;color:#1a1a1a;background:#fff}
header{background:#0b3d91;color:#fff}header div{max-width:72rem;margin:0 auto;padding:.9rem 1rem}
header a{color:#fff;font-family:Georgia,"Times New Roman",serif;font-size:1.75rem;font-weight:700;text-decoration:none}
main{max-width:44rem;margin:0 auto;padding:2rem 1rem 3rem}h1{font-family:Georgia,"Times New Roman",serif}a{color:#0b3d91}`;

/** The readable 503 page: site header, what happened, what to do. Works without JavaScript. */
export function renderOutagePage(options: { siteName: string; area: Exclude<OutageArea, "api"> }): string {
  const site = escapeHtml(options.siteName);
  const body =
    options.area === "admin"
      ? `<h1>The database is unavailable</h1>
<p>The newsroom cannot reach its database right now, so this page cannot be shown. Nothing you saved before is lost.</p>
<p>Text you are editing is kept in this browser and will be saved when the database is back. This page will work again in a moment: <a href="">try again</a>.</p>`
      : `<h1>We'll be back in a moment</h1>
<p>This page cannot be shown right now because of a technical problem on our side. Please try again in a few seconds.</p>
<p><a href="">Try again</a> or go to the <a href="/">front page</a>.</p>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Temporarily unavailable — ${site}</title><style>${STYLE}</style></head>
<body><header><div><a href="/">${site}</a></div></header>
<main id="main">${body}</main></body></html>
`;
}

/**
 * Answers 503 "the database is unavailable" with the same security headers
 * as every page: HTML for pages, JSON for /api and clients asking for JSON.
 * Never cached (a CDN must not keep an outage).
 */
export function sendOutage(req: IncomingMessage, res: ServerResponse, siteName: string): void {
  const area = outageAreaOf(req.url ?? "/");
  const wantsJson = area === "api" || /application\/json/.test(String(req.headers.accept ?? ""));
  for (const name of res.getHeaderNames()) if (name !== "x-request-id") res.removeHeader(name);
  const isAdmin = area !== "public";
  const nonce = createNonce();
  res.statusCode = 503;
  res.setHeader("Content-Security-Policy", buildContentSecurityPolicy({ nonce, isAdmin, isDev: false }));
  for (const [name, value] of Object.entries(baseSecurityHeaders(isAdmin, getEnv().NEWSDESK_SITE_URL))) res.setHeader(name, value);
  res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  res.setHeader("Cache-Control", "no-store");
  res.setHeader(OUTAGE_HEADER, "database");
  const body = wantsJson
    ? JSON.stringify({ ok: false, message: "The database is unavailable. Please try again in a few seconds." })
    : renderOutagePage({ siteName, area: area === "admin" ? "admin" : "public" });
  res.setHeader("Content-Type", wantsJson ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(req.method === "HEAD" ? undefined : body);
}
