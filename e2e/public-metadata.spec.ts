import { XMLParser } from "fast-xml-parser";
import { expect, test } from "./fixtures";
import { reference } from "./support/reference-story";

function metaContent(html: string, attribute: "property" | "name", key: string): string[] {
  const pattern = new RegExp(`<meta ${attribute}="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`, "g");
  return [...html.matchAll(pattern)].map((m) => m[1] ?? "");
}

test.describe("what search engines, social networks and feed readers get", () => {
  test("an article carries NewsArticle JSON-LD, Open Graph, a Twitter card and a canonical URL", async ({ request, baseURL }) => {
    const html = await (await request.get(reference.path)).text();
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    expect(json).toBeTruthy();
    const data = JSON.parse(json ?? "{}") as Record<string, unknown>;
    const url = `${baseURL}${reference.path}`;
    expect(data).toMatchObject({
      "@type": "NewsArticle",
      headline: reference.title,
      datePublished: reference.isoDateTime,
      dateModified: reference.isoDateTime,
      articleSection: "Foreign policy",
      inLanguage: "en",
      mainEntityOfPage: { "@id": url },
      author: [{ name: "Report" }],
      publisher: { name: "Newsdesk", logo: { url: `${baseURL}/publisher-logo.png` } },
    });
    expect(metaContent(html, "property", "og:type")).toEqual(["article"]);
    expect(metaContent(html, "property", "article:published_time")).toEqual([reference.isoDateTime]);
    expect(metaContent(html, "property", "article:modified_time")).toEqual([reference.isoDateTime]);
    expect(metaContent(html, "property", "article:section")).toEqual(["Foreign policy"]);
    expect(metaContent(html, "property", "article:tag")).toEqual([...reference.tags]);
    expect(metaContent(html, "name", "twitter:card")).toEqual(["summary"]);
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
  });

  test("the visible dates are labelled and match the structured data", async ({ articlePage }) => {
    await articlePage.goto(reference.path);
    await expect(articlePage.dateLabelled("Published")).toHaveText(reference.dateline);
    await expect(articlePage.dateLabelled("Published")).toHaveAttribute("datetime", reference.isoDateTime);
    await expect(articlePage.dateLabelled("Updated")).toHaveCount(0);
  });

  test("feeds and sitemaps are at their fixed paths and parse", async ({ request, baseURL }) => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const rss = await request.get("/feed.xml");
    expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(parser.parse(await rss.text()).rss.channel.item.length).toBeGreaterThanOrEqual(30);
    const atom = await request.get("/news/foreign-policy/atom.xml");
    expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(JSON.stringify(parser.parse(await atom.text()).feed)).toContain(reference.title);
    const index = parser.parse(await (await request.get("/sitemap.xml")).text());
    expect(JSON.stringify(index.sitemapindex)).toContain(`${baseURL}/sitemaps/articles-1.xml`);
    const news = await request.get("/news-sitemap.xml");
    expect(news.status()).toBe(200);
    expect(parser.parse(await news.text())).toHaveProperty("urlset");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
    const logo = await request.get("/publisher-logo.png");
    expect(logo.headers()["content-type"]).toBe("image/png");
  });

  test("every page advertises the feeds", async ({ request }) => {
    const html = await (await request.get("/news/economy")).text();
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/feed\.xml"/);
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/news\/economy\/feed\.xml"/);
  });
});
