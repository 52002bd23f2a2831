import { describe, expect, it } from "vitest";
import type { ArticleFormFields } from "../validations/article";
import { changedFieldNames, fieldsFingerprint } from "./form-fields";

const story: ArticleFormFields = {
  title: "Ministers meet in Baku",
  slug: "ministers-meet-in-baku",
  summary: "Talks on trade.",
  lead: "Ministers met in Baku on Tuesday, Report informs.",
  body: "<p>They signed two agreements.</p>",
  sectionId: "section-1",
  tags: ["trade"],
  byline: "",
  sourceAttribution: "",
  seoTitle: "",
  seoDescription: "",
  language: "en",
  publishedAt: "",
};

describe("form fields", () => {
  it("list differences in the editor's order: headline, lead, body, then the rest", () => {
    const theirs: ArticleFormFields = {
      ...story,
      seoDescription: "Changed",
      slug: "changed",
      body: "<p>Changed.</p>",
      lead: "Changed.",
      title: "Changed",
      summary: "Changed.",
      language: "ru",
      sectionId: "section-2",
      tags: ["other"],
      byline: "Changed",
      sourceAttribution: "Changed",
      publishedAt: "2024-10-16T17:40",
      seoTitle: "Changed",
    };
    expect(changedFieldNames(theirs, story)).toEqual([
      "title", "lead", "body", "summary", "slug", "sectionId", "language", "tags",
      "byline", "sourceAttribution", "publishedAt", "seoTitle", "seoDescription",
    ]);
  });

  it("ignore markup whitespace in the body, but nothing else", () => {
    expect(changedFieldNames({ ...story, body: "<p>They signed two agreements.</p>\n" }, story)).toEqual([]);
    expect(fieldsFingerprint({ ...story, body: "<p>They signed two agreements.</p>\n" })).toBe(fieldsFingerprint(story));
    expect(changedFieldNames({ ...story, lead: `${story.lead} ` }, story)).toEqual(["lead"]);
  });
});
