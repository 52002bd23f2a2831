import { describe, expect, it } from "vitest";
import type { PublicArticle } from "../data/public-articles";
import { getSiteInfo } from "../site";
import { buildArticleMetadata } from "./article-metadata";
import { buildNewsArticleJsonLd, serializeJsonLd } from "./news-article-json-ld";

const reference: PublicArticle = {
  id: "01930000-0000-7000-8000-000000000001",
  version: 3,
  title: "Azerbaijan and Serbia hold political consultations",
  slug: "azerbaijan-and-serbia-hold-political-consultations",
  language: "en",
  summary: "The latest round of political consultations took place in Belgrade.",
  lead: "Political consultations between the foreign ministries of Azerbaijan and Serbia took place in Belgrade.",
  body: "<p>Body.</p>",
  publishedAt: new Date("2024-10-16T13:40:00Z"),
  updatedAt: null,
  byline: "Report",
  sourceAttribution: "citing Azerbaijani Ministry of Foreign Affairs",
  seoTitle: null,
  seoDescription: null,
  imageUrl: null,
  imageAlt: null,
  section: { name: "Foreign policy", slug: "foreign-policy", parent: null },
  author: { name: "Aysel Mammadova", slug: "aysel-mammadova" },
  tags: [
    { name: "serbia", slug: "serbia" },
    { name: "cop29", slug: "cop29" },
  ],
};

const url = "http://localhost:3000/news/foreign-policy/azerbaijan-and-serbia-hold-political-consultations";

describe("NewsArticle JSON-LD", () => {
  it("carries every field Google News reads, dates in the newsroom offset", () => {
    const data = JSON.parse(serializeJsonLd(buildNewsArticleJsonLd(reference, getSiteInfo()))) as Record<string, unknown>;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Azerbaijan and Serbia hold political consultations",
      datePublished: "2024-10-16T17:40:00+04:00",
      dateModified: "2024-10-16T17:40:00+04:00",
      articleSection: "Foreign policy",
      inLanguage: "en",
      mainEntityOfPage: { "@type": "WebPage", "@id": url },
      author: [{ "@type": "Organization", name: "Report" }],
      publisher: {
        "@type": "NewsMediaOrganization",
        name: "Newsdesk",
        logo: { "@type": "ImageObject", url: "http://localhost:3000/publisher-logo.png", width: "600", height: "60" },
      },
      keywords: ["serbia", "cop29"],
    });
    expect(data).not.toHaveProperty("image");
  });

  it("names a staff byline as a person with their author page", () => {
    const data = buildNewsArticleJsonLd({ ...reference, byline: "Aysel Mammadova" }, getSiteInfo()) as unknown as Record<string, unknown>;
    expect(data.author).toEqual([{ "@type": "Person", name: "Aysel Mammadova", url: "http://localhost:3000/authors/aysel-mammadova" }]);
  });

  it("gives the last edit as dateModified and the image when there is one", () => {
    const data = buildNewsArticleJsonLd(
      { ...reference, updatedAt: new Date("2024-10-16T15:05:00Z"), imageUrl: "https://media.example.org/belgrade.jpg" },
      getSiteInfo(),
    ) as unknown as Record<string, unknown>;
    expect(data.dateModified).toBe("2024-10-16T19:05:00+04:00");
    expect(data.image).toEqual(["https://media.example.org/belgrade.jpg"]);
  });

  it("cannot be broken out of its script tag by story text", () => {
    const json = serializeJsonLd(buildNewsArticleJsonLd({ ...reference, title: "</script><script>alert(1)</script>" }, getSiteInfo()));
    expect(json).not.toContain("</script>");
    expect((JSON.parse(json) as { headline: string }).headline).toBe("</script><script>alert(1)</script>");
  });
});

describe("article <head> metadata", () => {
  it("has canonical URL, Open Graph article fields and a Twitter card", () => {
    const metadata = buildArticleMetadata(reference, getSiteInfo());
    expect(metadata.alternates?.canonical).toBe("/news/foreign-policy/azerbaijan-and-serbia-hold-political-consultations");
    expect(metadata.openGraph).toMatchObject({
      type: "article",
      publishedTime: "2024-10-16T17:40:00+04:00",
      modifiedTime: "2024-10-16T17:40:00+04:00",
      section: "Foreign policy",
      tags: ["serbia", "cop29"],
      siteName: "Newsdesk",
    });
    expect(metadata.twitter).toMatchObject({ card: "summary", title: reference.title });
    expect(metadata.description).toBe(reference.summary);
    const withImage = buildArticleMetadata({ ...reference, imageUrl: "https://media.example.org/a.jpg", imageAlt: "Delegations" }, getSiteInfo());
    expect(withImage.twitter).toMatchObject({ card: "summary_large_image" });
  });
});
