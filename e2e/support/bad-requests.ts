/**
 * A deterministic generator of bad HTTP requests for e2e/bad-requests.spec.ts:
 * malformed paths, query strings, methods, headers and bodies aimed at every
 * public and API route. Requests are raw bytes (sent over a plain socket), so
 * no client library normalises the very things under test.
 */
import { reference } from "./reference-story";

export interface BadRequest {
  /** What the request exercises, for failure messages. */
  label: string;
  /** The raw request, up to and including the blank line and any body. */
  raw: string;
}

/** mulberry32: a tiny seeded PRNG — the same seed gives the same requests on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STORY_ID = "01900000-0000-7000-8000-000000000000";

/** Every route family, with `{}` where a fuzzed segment goes. */
export const ROUTE_TEMPLATES = [
  "/{}",
  "/news/{}",
  `/news/${reference.section}/{}`,
  "/news/{}/" + reference.slug,
  "/news/{}/feed.xml",
  "/news/{}/atom.xml",
  "/tags/{}",
  "/authors/{}",
  "/search/{}",
  "/sitemaps/{}",
  "/sitemaps/articles-{}.xml",
  "/preview/{}",
  "/preview/article/{}",
  "/admin/articles/{}",
  "/admin/articles/{}/revisions",
  "/admin/users/{}",
  "/admin/sections/{}",
  "/api/typo-reports/{}",
  "/api/auth/{}",
  "/api/auth/callback/{}",
  "/api/admin/articles/{}/lease",
  "/_next/static/{}",
  "/_next/image/{}",
];

/** Exact paths, fuzzed through their query strings, headers and bodies. */
export const PLAIN_PATHS = [
  "/",
  reference.path,
  `/news/${reference.section}`,
  "/tags/diplomacy",
  "/search",
  "/feed.xml",
  "/atom.xml",
  "/sitemap.xml",
  "/sitemaps/pages.xml",
  "/news-sitemap.xml",
  "/robots.txt",
  "/publisher-logo.png",
  "/login",
  "/admin",
  "/api/typo-reports",
  "/api/auth/session",
  "/api/auth/csrf",
  "/api/auth/providers",
  "/api/auth/signin",
  "/api/auth/signout",
  "/api/auth/callback/credentials",
  `/api/admin/articles/${STORY_ID}/lease`,
];

const BAD_SEGMENTS = [
  "%FF", "%", "%G1", "%E2%82", "%C0%AE%C0%AE", "%C0%80", "%ED%A0%80", "%F8%88%80%80%80", "%00", "a%00b", "%0D%0ASet-Cookie:%20x=1",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%2F..%2F", "%252e%252e", "%u002e", "caf%C3%A9", "%F0%9F%93%B0", "%EF%BF%BF", "%7F",
  "x".repeat(4000), "%27%20OR%201=1--", "%3Cscript%3Ealert(1)%3C/script%3E", "%E2%80%AE", "..", ".", "%20", "a;b", "a%2Fb", "-1", "0", "1e400",
];

const BAD_QUERIES = [
  "page=%00", "page=-1", "page=0", "page=1e309", "page=99999999999999999999", "page[]=1", "page=1&page=2", "page=%FF", "page=%",
  "q=%00", "q=%FF", "q=%", "q=%C0%AE", "q=" + "a".repeat(3000), "q=%22%22%22", "q=-", "q=or", "q=%5C", "q=%E2%80%8B", "q=a%0Ab",
  "callbackUrl=javascript:alert(1)", "callbackUrl=%2F%2Fevil.example", "callbackUrl=%00", "error=%FF", "reason=%00", "_rsc=%FF",
  "%", "%%%", "=&=&", "&&&", "a=%ZZ", "__proto__=1", "constructor[prototype]=1",
];

const BAD_METHODS = ["TRACE", "TRACK", "PUT", "DELETE", "PATCH", "PROPFIND", "MKCOL", "OPTIONS", "FOO", "G@T", "get"];

const BAD_HEADERS = [
  "Host: ",
  "Host: evil.example",
  "Host: %FF",
  "Cookie: next-auth.session-token=%%%%",
  "Cookie: __Secure-next-auth.session-token=" + "A".repeat(3000),
  "Cookie: next-auth.session-token=eyJhbGciOiJub25lIn0.e30.",
  "Cookie: __prerender_bypass=%FF",
  "RSC: 1",
  "RSC: 1\r\nNext-Router-State-Tree: %FF%FF",
  "Next-Router-State-Tree: [\"\",{\"children\":1}]",
  "Next-Router-Prefetch: 1\r\nRSC: 1",
  "Accept: */*;q=abc",
  "Accept-Encoding: gzip;q=NaN, br;q=2",
  "Accept-Language: %FF;q=x",
  "Range: bytes=abc",
  "If-None-Match: \"%FF",
  "If-Modified-Since: yesterday",
  "X-Forwarded-For: not-an-address, %00",
  "X-Forwarded-Host: evil.example",
  "X-Forwarded-Proto: gopher",
  "Origin: null",
  "Sec-Fetch-Site: cross-site",
  "Next-Action: 0000000000000000000000000000000000000000",
  "Content-Length: abc",
];

const JSON_BODIES = [
  "", "{", "null", "[]", "\"x\"", "{\"articleId\":null}", "{\"articleId\":\"\\u0000\"}", "{\"selectedText\":\"a\\u0000b\"}",
  JSON.stringify({ articleId: STORY_ID, version: 1, selectedText: "x\u0000", contextBefore: "", contextAfter: "", paragraphIndex: 0, charOffset: 0, suggestion: "\u0000", comment: "", language: "en", website: "" }),
  JSON.stringify({ articleId: STORY_ID, version: -1, selectedText: "a".repeat(5000), paragraphIndex: 1e400, charOffset: "x" }),
  "{\"__proto__\":{\"admin\":true}}", "\u0000\u0000", "\uFFFF", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
];

const FORM_BODIES = [
  "email=%00&password=%00", "email=a%00b%40x.test&password=x", "email=%FF&password=%", "csrfToken=%00&email=&password=",
  "email=" + "a".repeat(5000) + "&password=x", "callbackUrl=%00", "=&&=", "%", "email[]=1&password[]=2", "json=true&email=\u0000",
];

const ACTION_BODIES = [
  { type: "text/plain;charset=UTF-8", body: "[]" },
  { type: "text/plain;charset=UTF-8", body: "[{\"id\":\"\\u0000\"}]" },
  { type: "text/plain;charset=UTF-8", body: "not json" },
  { type: "text/plain;charset=UTF-8", body: "[\"$K1\",\"$@0\",\"$Q\"]" },
  { type: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"1_$ACTION_ID_zz\"\r\n\r\n\r\n--x--" },
  { type: "multipart/form-data; boundary=x", body: "--x\r\nbroken" },
  { type: "multipart/form-data", body: "no boundary" },
  { type: "application/x-www-form-urlencoded", body: "title=%00&body=%FF" },
];

export interface Generated {
  requests: BadRequest[];
}

/**
 * At least `count` requests (plus one of every fixed case), in a fixed order
 * for a given seed. `cookie` (a signed-in editor's) is added to some, so
 * server actions and admin routes see junk from a real session too.
 */
export function generateBadRequests({ seed, count, host, cookie }: { seed: number; count: number; host: string; cookie: string }): BadRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const request = (label: string, method: string, target: string, headers: string[] = [], body = ""): BadRequest => {
    const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...headers, "Connection: close"];
    if (body || method === "POST") lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    return { label, raw: `${lines.join("\r\n")}\r\n\r\n${body}` };
  };

  const out: BadRequest[] = [];
  // Every fixed case once: each route family with each bad segment, every method, query, header and body.
  for (const template of ROUTE_TEMPLATES) for (const segment of BAD_SEGMENTS) out.push(request(`path ${template} ← ${segment.slice(0, 40)}`, "GET", template.replace("{}", segment)));
  for (const method of BAD_METHODS) out.push(request(`method ${method} /`, method, "/"));
  for (const query of BAD_QUERIES) out.push(request(`query ${query.slice(0, 40)}`, "GET", `${pick(PLAIN_PATHS)}?${query}`));
  for (const header of BAD_HEADERS) {
    const target = pick(PLAIN_PATHS);
    const lines = header.startsWith("Host:") ? [] : [header];
    const built = request(`header ${header.slice(0, 40)} on ${target}`, "GET", target, lines);
    out.push(header.startsWith("Host:") ? { ...built, raw: built.raw.replace(/^Host: .*$/m, header) } : built);
  }
  for (const body of JSON_BODIES) out.push(request(`typo report ${body.slice(0, 40)}`, "POST", "/api/typo-reports", ["Content-Type: application/json"], body));
  for (const body of FORM_BODIES) out.push(request(`sign-in ${body.slice(0, 40)}`, "POST", "/api/auth/callback/credentials", ["Content-Type: application/x-www-form-urlencoded"], body));
  for (const { type, body } of ACTION_BODIES) {
    for (const path of ["/login", "/admin/articles/new", reference.path]) {
      const headers = [`Content-Type: ${type}`, `Next-Action: ${pick(["0".repeat(40), "%FF", "x", "7f" + "a".repeat(40)])}`, ...(path.startsWith("/admin") ? [`Cookie: ${cookie}`] : [])];
      out.push(request(`server action on ${path}: ${body.slice(0, 30)}`, "POST", path, headers, body));
    }
  }

  // Then random combinations until there are `count`.
  while (out.length < count) {
    const method = pick(["GET", "GET", "HEAD", "POST", ...BAD_METHODS]);
    const path = random() < 0.5 ? pick(PLAIN_PATHS) : pick(ROUTE_TEMPLATES).replace("{}", pick(BAD_SEGMENTS));
    const target = random() < 0.5 ? `${path}?${pick(BAD_QUERIES)}` : path;
    const headers = random() < 0.5 ? [pick(BAD_HEADERS)].filter((h) => !h.startsWith("Host:")) : [];
    if (random() < 0.3) headers.push(`Cookie: ${cookie}`);
    let body = "";
    if (method === "POST") {
      const kind = pick(["json", "form", "action"] as const);
      if (kind === "json") {
        headers.push("Content-Type: application/json");
        body = pick(JSON_BODIES);
      } else if (kind === "form") {
        headers.push("Content-Type: application/x-www-form-urlencoded");
        body = pick(FORM_BODIES);
      } else {
        const action = pick(ACTION_BODIES);
        headers.push(`Content-Type: ${action.type}`, `Next-Action: ${"0".repeat(40)}`);
        body = action.body;
      }
    }
    out.push(request(`random ${method} ${target.slice(0, 60)}`, method, target, headers, body));
  }
  return out;
}
