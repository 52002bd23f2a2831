/**
 * Is this request from one of this site's own pages? For the few route
 * handlers a page's script calls directly (typo reports, the editor's lease
 * beacon); server actions get the same check from Next.js, which compares
 * `Origin` with `X-Forwarded-Host`/`Host` in the same way.
 *
 * A site answers on more than one address (`localhost` and `127.0.0.1`, the
 * `www.` and bare domain, an internal name behind a proxy), so "same origin"
 * means the address the browser actually sent this request to — its `Host`
 * — not the one the server was started with. An attacker's page cannot
 * change either header: the browser sets `Origin` to the page's origin and
 * `Host` to the address it is sending to. In order:
 *
 * 1. `Sec-Fetch-Site` (set by every current browser, unforgeable by a page):
 *    `same-origin` is accepted, `cross-site` and `same-site` (a sibling
 *    subdomain) are refused unless `Origin` says otherwise below;
 * 2. no `Origin` and no `Sec-Fetch-Site`: not a browser's cross-site request
 *    (curl, a server), accepted — the endpoints' other checks still apply;
 * 3. `Origin` equal to the configured public origin (NEWSDESK_SITE_URL) or
 *    to this request's own origin (`X-Forwarded-Host` or `Host`, with
 *    `X-Forwarded-Proto` or the URL's scheme), accepted; anything else
 *    (another site, `null` from a sandboxed frame) refused.
 */
export interface SameOriginInput {
  headers: Headers;
  /** The request URL as the server sees it (its scheme is used when no proxy says otherwise). */
  url: URL;
  /** The configured public origin, e.g. "https://news.example". */
  siteOrigin: string;
}

const firstValue = (value: string | null) => value?.split(",")[0]?.trim().toLowerCase() || null;

export function isSameOriginRequest({ headers, url, siteOrigin }: SameOriginInput): boolean {
  const fetchSite = headers.get("sec-fetch-site")?.toLowerCase() ?? null;
  if (fetchSite === "same-origin") return true;
  const origin = headers.get("origin")?.toLowerCase() ?? null;
  if (!origin) return fetchSite === null || fetchSite === "none";
  if (origin === siteOrigin.toLowerCase()) return true;
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host"));
  if (!host) return origin === url.origin.toLowerCase();
  const scheme = firstValue(headers.get("x-forwarded-proto")) ?? url.protocol.replace(/:$/, "");
  return origin === originOf(scheme, host) || origin === url.origin.toLowerCase();
}

/** `scheme://host` as the browser writes an Origin (default port dropped); null for a malformed Host. */
function originOf(scheme: string, host: string): string | null {
  if (scheme !== "http" && scheme !== "https") return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}
