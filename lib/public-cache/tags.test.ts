import { describe, expect, it } from "vitest";
import { parseChangeNotification, tagsForArticleChange } from "./tags";

describe("tagsForArticleChange", () => {
  const publish = {
    paths: ["/news/business/new-plant-opens"],
    sectionSlugs: ["business", "economy"],
    tagSlugs: ["industry", "baku"],
    authorSlugs: ["rashad-aliyev"],
  };

  it("a publish reaches the story, home and every list it appears in, feeds and sitemaps", () => {
    expect(new Set(tagsForArticleChange(publish))).toEqual(
      new Set([
        "path:/news/business/new-plant-opens",
        "latest",
        "section:business",
        "section:economy",
        "tag:industry",
        "tag:baku",
        "author:rashad-aliyev",
        "feeds",
        "sitemaps",
        "search",
      ]),
    );
  });

  it("a slug or section change also drops the old address, which now redirects", () => {
    const tags = tagsForArticleChange({ ...publish, oldPaths: ["/news/economy/old-slug"], sectionSlugs: ["economy", "business"] });
    expect(tags).toContain("path:/news/economy/old-slug");
    expect(tags).toContain("path:/news/business/new-plant-opens");
  });

  it("a body-only edit leaves lists alone but refreshes the page, feeds, sitemaps and search", () => {
    expect(new Set(tagsForArticleChange({ ...publish, listingChanged: false }))).toEqual(
      new Set(["path:/news/business/new-plant-opens", "feeds", "sitemaps", "search"]),
    );
  });

  it("an empty change still refreshes syndication (safe default)", () => {
    expect(new Set(tagsForArticleChange({}))).toEqual(new Set(["latest", "feeds", "sitemaps", "search"]));
  });
});

describe("parseChangeNotification", () => {
  it("reads an article change as the database trigger sends it", () => {
    const payload = JSON.stringify({
      paths: ["/news/business/s1"],
      sections: ["business", "economy"],
      tags: ["oil"],
      authors: ["a-slug"],
      listing: false,
      schedule: true,
    });
    expect(parseChangeNotification(payload)).toEqual({
      all: false,
      affectsSchedule: true,
      change: { paths: ["/news/business/s1"], sectionSlugs: ["business", "economy"], tagSlugs: ["oil"], authorSlugs: ["a-slug"], listingChanged: false },
    });
  });

  it("treats site-wide and unreadable messages as 'everything changed'", () => {
    expect(parseChangeNotification('{"all": true}')).toEqual({ all: true });
    expect(parseChangeNotification("not json")).toEqual({ all: true });
    expect(parseChangeNotification('{"something": 1}')).toEqual({ all: true });
    expect(parseChangeNotification("null")).toEqual({ all: true });
  });
});
