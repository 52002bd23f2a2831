import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../prisma/seed/seed-database";
import { listNewsSitemapItems } from "../data/public-syndication";
import { provideTestDatabase } from "../testing/test-database";
import { GET as getNewsSitemap } from "../../app/(syndication)/news-sitemap.xml/route";
import { GET as getSitemapIndex } from "../../app/(syndication)/sitemap.xml/route";
import { GET as getSitemapFile } from "../../app/(syndication)/sitemaps/[file]/route";
import robots from "../../app/robots";
import { feedResponse } from "./responses";

const getDb = provideTestDatabase();
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["item", "entry", "url", "sitemap", "category", "link"].includes(name) });
const HOUR = 3_600_000;

function parse(xml: string): Record<string, unknown> {
  return parser.parse(xml) as Record<string, unknown>;
}

async function addStory(slug: string, publishedAt: Date, status: "PUBLISHED" | "SCHEDULED" = "PUBLISHED") {
  const db = getDb();
  const category = await db.category.findUniqueOrThrow({ where: { slug: "energy" } });
  const author = await db.user.findUniqueOrThrow({ where: { slug: "rashad-aliyev" } });
  await db.article.create({
    data: { slug, title: `Story ${slug}`, summary: `Summary of ${slug}.`, lead: `Lead of ${slug} & more.`, body: "<p>Body.</p>", status, publishedAt, categoryId: category.id, authorId: author.id },
  });
}

beforeAll(async () => {
  await seedDatabase(getDb());
  const now = Date.now();
  await addStory("one-hour-old", new Date(now - HOUR));
  await addStory("forty-seven-hours-old", new Date(now - 47 * HOUR));
  await addStory("forty-nine-hours-old", new Date(now - 49 * HOUR));
  await addStory("scheduled-tomorrow", new Date(now + 24 * HOUR), "SCHEDULED");
});

describe("RSS 2.0 feed", () => {
  it("parses and carries the channel's and every item's required elements", async () => {
    const response = await feedResponse("rss");
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const doc = parse(await response.text()) as { rss: { "@version": string; channel: Record<string, unknown> & { item: Record<string, unknown>[] } } };
    expect(doc.rss["@version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe("Newsdesk");
    expect(channel.link).toEqual(["http://localhost:3000/"]);
    expect(String(channel.description)).toContain("latest news");
    expect(channel.language).toBe("en");
    expect(channel.item.length).toBe(40);
    for (const item of channel.item) {
      expect(item.title).toBeTruthy();
      expect(String(item.link)).toMatch(/^http:\/\/localhost:3000\/news\/[a-z-]+\/[a-z0-9-]+$/);
      expect(item.guid).toBeTruthy();
      expect(Number.isNaN(Date.parse(String(item.pubDate)))).toBe(false);
      expect(item.description).toBeTruthy();
    }
    const titles = channel.item.map((i) => i.title);
    expect(titles[0]).toBe("Story one-hour-old");
    expect(titles).not.toContain("Story scheduled-tomorrow");
  });

  it("gives the reference story its publication time, section and tags", async () => {
    const doc = parse(await (await feedResponse("rss")).text()) as { rss: { channel: { item: Record<string, unknown>[] } } };
    const item = doc.rss.channel.item.find((i) => i.title === "Azerbaijan and Serbia hold political consultations");
    expect(new Date(String(item?.pubDate)).toISOString()).toBe("2024-10-16T13:40:00.000Z");
    const categories = (item?.category as unknown[]).map((c) => (typeof c === "string" ? c : (c as { "#text": string })["#text"]));
    expect(categories).toEqual(expect.arrayContaining(["Foreign policy", "serbia", "cop29"]));
  });

  it("narrows to a section, subsections included, and 404s an unknown one", async () => {
    const doc = parse(await (await feedResponse("rss", "energy")).text()) as { rss: { channel: { title: string; link: string[]; item: { link: string[] }[] } } };
    expect(doc.rss.channel.title).toBe("Energy | Newsdesk");
    expect(doc.rss.channel.link).toEqual(["http://localhost:3000/news/energy"]);
    expect(doc.rss.channel.item.every((i) => String(i.link[0]).includes("/news/energy/"))).toBe(true);
    const economy = parse(await (await feedResponse("rss", "economy")).text()) as { rss: { channel: { item: { link: string[] }[] } } };
    expect(economy.rss.channel.item.some((i) => String(i.link[0]).includes("/news/business/"))).toBe(true);
    expect((await feedResponse("atom", "no-such-section")).status).toBe(404);
  });
});

describe("Atom 1.0 feed", () => {
  it("parses and carries feed id, title, updated, author and per-entry id, title, updated, link", async () => {
    const response = await feedResponse("atom");
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const doc = parse(await response.text()) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[]; link: Record<string, string>[] } };
    const feed = doc.feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("http://localhost:3000/");
    expect(feed.title).toBe("Newsdesk");
    expect(Number.isNaN(Date.parse(String(feed.updated)))).toBe(false);
    expect(feed.link.find((l) => l["@rel"] === "self")?.["@href"]).toBe("http://localhost:3000/atom.xml");
    expect(feed.entry.length).toBe(40);
    for (const entry of feed.entry) {
      expect(entry.id).toBeTruthy();
      expect(entry.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(String(entry.updated)))).toBe(false);
      expect(Number.isNaN(Date.parse(String(entry.published)))).toBe(false);
      expect((entry.link as Record<string, string>[])[0]?.["@href"]).toMatch(/^http:\/\/localhost:3000\/news\//);
      expect((entry.author as { name: string }).name).toBeTruthy();
    }
  });
});

describe("sitemaps", () => {
  it("index the page sitemap and the article archive in pages", async () => {
    const doc = parse(await (await getSitemapIndex()).text()) as { sitemapindex: { sitemap: { loc: string; lastmod: string }[] } };
    const locs = doc.sitemapindex.sitemap.map((s) => s.loc);
    expect(locs).toEqual(["http://localhost:3000/sitemaps/pages.xml", "http://localhost:3000/sitemaps/articles-1.xml"]);
    expect(doc.sitemapindex.sitemap.every((s) => !Number.isNaN(Date.parse(s.lastmod)))).toBe(true);
  });

  it("list every public story once with its last modification, and the listing pages", async () => {
    const articles = parse(await (await getSitemapFile(new Request("http://x"), { params: Promise.resolve({ file: "articles-1.xml" }) })).text()) as {
      urlset: { url: { loc: string; lastmod: string }[] };
    };
    const locs = articles.urlset.url.map((u) => u.loc);
    expect(locs).toHaveLength(40);
    expect(new Set(locs).size).toBe(40);
    expect(locs).toContain("http://localhost:3000/news/foreign-policy/azerbaijan-and-serbia-hold-political-consultations");
    expect(locs.some((l) => l.endsWith("scheduled-tomorrow"))).toBe(false);

    const pages = parse(await (await getSitemapFile(new Request("http://x"), { params: Promise.resolve({ file: "pages.xml" }) })).text()) as {
      urlset: { url: { loc: string }[] };
    };
    const pageLocs = pages.urlset.url.map((u) => u.loc);
    expect(pageLocs).toEqual(expect.arrayContaining(["http://localhost:3000/", "http://localhost:3000/news/economy", "http://localhost:3000/tags/cop29", "http://localhost:3000/authors/rashad-aliyev"]));

    expect((await getSitemapFile(new Request("http://x"), { params: Promise.resolve({ file: "articles-2.xml" }) })).status).toBe(404);
    expect((await getSitemapFile(new Request("http://x"), { params: Promise.resolve({ file: "secrets.xml" }) })).status).toBe(404);
  });

  it("news sitemap holds only the last two days, with publication name, language, date and title", async () => {
    const xml = await (await getNewsSitemap()).text();
    const doc = parse(xml) as { urlset: Record<string, string> & { url: { loc: string; "news:news": Record<string, unknown> }[] } };
    expect(doc.urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const locs = doc.urlset.url.map((u) => u.loc);
    expect(locs).toEqual(["http://localhost:3000/news/energy/one-hour-old", "http://localhost:3000/news/energy/forty-seven-hours-old"]);
    const news = doc.urlset.url[0]?.["news:news"] as { "news:publication": Record<string, string>; "news:publication_date": string; "news:title": string };
    expect(news["news:publication"]["news:name"]).toBe("Newsdesk");
    expect(news["news:publication"]["news:language"]).toBe("en");
    expect(news["news:publication_date"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+04:00$/);
    expect(news["news:title"]).toBe("Story one-hour-old");
  });

  it("news sitemap caps at 1,000 stories, newest first", async () => {
    const db = getDb();
    const category = await db.category.findUniqueOrThrow({ where: { slug: "sports" } });
    const author = await db.user.findFirstOrThrow();
    const now = Date.now();
    await db.article.createMany({
      data: Array.from({ length: 1005 }, (_, i) => ({
        slug: `bulk-${i}`,
        title: `Bulk ${i}`,
        lead: "L",
        body: "B",
        status: "PUBLISHED" as const,
        publishedAt: new Date(now - 2 * HOUR - i * 60_000),
        categoryId: category.id,
        authorId: author.id,
      })),
    });
    const items = await listNewsSitemapItems();
    expect(items).toHaveLength(1000);
    expect(items[0]?.title).toBe("Story one-hour-old");
  });

  it("robots.txt allows the site and points at both sitemaps", () => {
    const rules = robots();
    expect(rules.sitemap).toEqual(["http://localhost:3000/sitemap.xml", "http://localhost:3000/news-sitemap.xml"]);
    expect(rules.rules).toEqual([expect.objectContaining({ userAgent: "*", allow: "/", disallow: expect.arrayContaining(["/admin"]) })]);
  });
});
