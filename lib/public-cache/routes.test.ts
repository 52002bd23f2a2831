import { describe, expect, it } from "vitest";
import { ASSET_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, classifyPublicRequest } from "./routes";

function classify(url: string) {
  const parsed = new URL(url, "http://site.test");
  return classifyPublicRequest(parsed.pathname, parsed.searchParams);
}

describe("classifyPublicRequest", () => {
  it.each([
    ["/", "/", ["latest"]],
    ["/?utm_source=x&fbclid=y", "/", ["latest"]],
    ["/news/foreign-policy/some-story", "/news/foreign-policy/some-story", ["path:/news/foreign-policy/some-story", "latest"]],
    ["/news/foreign-policy/some-story?utm_medium=social", "/news/foreign-policy/some-story", ["path:/news/foreign-policy/some-story", "latest"]],
    ["/news/economy", "/news/economy", ["section:economy"]],
    ["/news/economy?page=1", "/news/economy", ["section:economy"]],
    ["/news/economy?page=3&ref=nav", "/news/economy?page=3", ["section:economy"]],
    ["/news/economy/feed.xml", "/news/economy/feed.xml", ["section:economy", "feeds"]],
    ["/news/economy/atom.xml", "/news/economy/atom.xml", ["section:economy", "feeds"]],
    ["/tags/cop29?page=2", "/tags/cop29?page=2", ["tag:cop29"]],
    ["/authors/aysel-mammadova", "/authors/aysel-mammadova", ["author:aysel-mammadova"]],
    ["/feed.xml", "/feed.xml", ["feeds"]],
    ["/atom.xml", "/atom.xml", ["feeds"]],
    ["/sitemap.xml", "/sitemap.xml", ["sitemaps"]],
    ["/sitemaps/articles-2.xml", "/sitemaps/articles-2.xml", ["sitemaps"]],
    ["/sitemaps/pages.xml", "/sitemaps/pages.xml", ["sitemaps"]],
    ["/news-sitemap.xml", "/news-sitemap.xml", ["sitemaps"]],
    ["/search?q=%20oil%20prices%20&utm=1", "/search?q=oil+prices", ["search"]],
    ["/search?page=2&q=oil", "/search?q=oil&page=2", ["search"]],
    ["/search", "/search", ["search"]],
  ])("%s is cached as %s", (url, key, tags) => {
    const route = classify(url);
    expect(route?.key).toBe(key);
    expect(route?.tags).toEqual(tags);
    expect(route?.cacheControl).toBe(PUBLIC_CACHE_CONTROL);
  });

  it("lets a CDN hold pages for a second and serve them stale while refreshing, never the browser", () => {
    expect(PUBLIC_CACHE_CONTROL).toMatch(/max-age=0/);
    expect(PUBLIC_CACHE_CONTROL).toMatch(/s-maxage=1\b/);
    expect(PUBLIC_CACHE_CONTROL).toMatch(/stale-while-revalidate=\d+/);
    expect(classify("/robots.txt")?.cacheControl).toBe(ASSET_CACHE_CONTROL);
  });

  it.each([
    "/admin",
    "/admin/articles",
    "/api/auth/session",
    "/login",
    "/_next/static/chunks/app.js",
    "/news",
    "/news/Foreign-Policy",
    "/news/foreign-policy/some-story/extra",
    "/news//x",
    "/news/economy?page=0",
    "/news/economy?page=abc",
    "/tags",
    "/tags/a/b",
    "/unknown",
    "/sitemaps/other.xml",
    "/search?page=-1&q=x",
  ])("%s is never cached", (url) => {
    expect(classify(url)).toBeNull();
  });

  it("keeps 'not found' answers only where publishing can make them exist", () => {
    expect(classify("/news/world/not-yet-published")?.isNotFoundCacheable).toBe(true);
    expect(classify("/tags/new-tag")?.isNotFoundCacheable).toBe(true);
    expect(classify("/")?.isNotFoundCacheable).toBe(false);
    expect(classify("/search?q=x")?.isNotFoundCacheable).toBe(false);
  });
});
