import { FEEDS_TAG, LATEST_TAG, SEARCH_TAG, SITEMAPS_TAG, authorTag, pathTag, sectionTag, tagTag } from "./tags";

/** Which public responses the page cache may keep, and under what. */
export interface CacheableRoute {
  /** Normalised path + the query parameters the page reads: the cache key and the URL rendered. */
  key: string;
  tags: string[];
  /** What a CDN may do with it (sent as Cache-Control). */
  cacheControl: string;
  /** A "not found" answer is kept too (briefly) for these: a story may 404 until published. */
  isNotFoundCacheable: boolean;
  /**
   * Safety net only: changes reach the cache as database notifications and
   * drop entries at once; this bounds the life of an entry regardless.
   */
  ttlMs: number;
}

/**
 * Browsers revalidate every time (max-age=0); a CDN may serve a copy for one
 * second and, while it fetches a fresh one, a stale one for ten more
 * (the README's "Caching" section explains the trade-off).
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=1, stale-while-revalidate=10";
/** Assets that only change with configuration (robots.txt, the publisher logo). */
export const ASSET_CACHE_CONTROL = "public, max-age=3600, s-maxage=3600";

const PAGE_TTL_MS = 10 * 60_000;
const ASSET_TTL_MS = 60 * 60_000;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PAGE = /^[1-9][0-9]{0,5}$/;
const MAX_QUERY_LENGTH = 200;

function page(route: Omit<CacheableRoute, "cacheControl" | "ttlMs">): CacheableRoute {
  return { ...route, cacheControl: PUBLIC_CACHE_CONTROL, ttlMs: PAGE_TTL_MS };
}

/** "?page=N" for N > 1, verbatim when malformed (the page then answers 404, which is not kept). */
function pageQuery(params: URLSearchParams): string | null {
  const value = params.get("page");
  if (value === null || value === "1") return "";
  return PAGE.test(value) ? `?page=${value}` : null;
}

function listRoute(path: string, tag: string, params: URLSearchParams): CacheableRoute | null {
  const query = pageQuery(params);
  if (query === null) return null;
  return page({ key: `${path}${query}`, tags: [tag], isNotFoundCacheable: true });
}

/**
 * The cache entry a public GET maps to, or null when the request must always
 * be rendered (admin, API, unknown paths, malformed parameters). Query
 * parameters a page does not read (utm_*, fbclid, …) are dropped from the
 * key, so they cannot multiply cache entries.
 */
export function classifyPublicRequest(pathname: string, params: URLSearchParams): CacheableRoute | null {
  if (pathname === "/") return page({ key: "/", tags: [LATEST_TAG], isNotFoundCacheable: false });
  if (pathname === "/feed.xml" || pathname === "/atom.xml") {
    return page({ key: pathname, tags: [FEEDS_TAG], isNotFoundCacheable: false });
  }
  if (pathname === "/sitemap.xml" || pathname === "/news-sitemap.xml" || /^\/sitemaps\/(pages|articles-[1-9][0-9]{0,5})\.xml$/.test(pathname)) {
    return page({ key: pathname, tags: [SITEMAPS_TAG], isNotFoundCacheable: true });
  }
  if (pathname === "/robots.txt" || pathname === "/publisher-logo.png") {
    return { key: pathname, tags: [], cacheControl: ASSET_CACHE_CONTROL, isNotFoundCacheable: false, ttlMs: ASSET_TTL_MS };
  }
  if (pathname === "/search") {
    const query = (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
    const pageParam = pageQuery(params);
    if (pageParam === null) return null;
    const search = new URLSearchParams();
    if (query) search.set("q", query);
    const pageNumber = pageParam ? pageParam.slice("?page=".length) : "";
    if (pageNumber) search.set("page", pageNumber);
    const qs = search.toString();
    return page({ key: qs ? `/search?${qs}` : "/search", tags: [SEARCH_TAG], isNotFoundCacheable: false });
  }

  const segments = pathname.split("/").slice(1);
  if (segments.some((segment) => segment === "")) return null;
  const [first, second, third, fourth] = segments;
  if (first === "news" && second && SLUG.test(second)) {
    if (segments.length === 2) return listRoute(pathname, sectionTag(second), params);
    if (segments.length === 3 && (third === "feed.xml" || third === "atom.xml")) {
      return page({ key: pathname, tags: [sectionTag(second), FEEDS_TAG], isNotFoundCacheable: true });
    }
    if (segments.length === 3 && third && SLUG.test(third) && fourth === undefined) {
      return page({ key: pathname, tags: [pathTag(pathname), LATEST_TAG], isNotFoundCacheable: true });
    }
    return null;
  }
  if (segments.length === 2 && second && SLUG.test(second)) {
    if (first === "tags") return listRoute(pathname, tagTag(second), params);
    if (first === "authors") return listRoute(pathname, authorTag(second), params);
  }
  return null;
}
