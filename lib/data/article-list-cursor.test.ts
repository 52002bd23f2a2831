import { describe, expect, it } from "vitest";
import { decodeArticleListCursor, encodeArticleListCursor, type ArticleListCursor } from "./article-list-cursor";

const id = "0190b7a0-1234-7abc-8def-0123456789ab";

describe("article list cursors", () => {
  const cursors: ArticleListCursor[] = [
    { sort: "updated", value: "2025-03-01T10:00:00.123Z", id },
    { sort: "published", value: null, id },
    { sort: "published", value: "2024-10-16T13:40:00.000Z", id },
    { sort: "title", value: "Ölçü & “quotes” / slash", id },
    { sort: "relevance", value: 0.0607927, id },
  ];

  it.each(cursors)("round-trip through opaque URL-safe text (%o)", (cursor) => {
    const text = encodeArticleListCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeArticleListCursor(text)).toEqual(cursor);
  });

  it("reject anything malformed or tampered with", () => {
    const bad = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");
    for (const text of [
      "",
      "not base64!",
      Buffer.from("not json").toString("base64url"),
      bad({ s: "updated", v: "yesterday", i: id }),
      bad({ s: "updated", v: "2025-03-01T10:00:00Z", i: "1; DROP TABLE" }),
      bad({ s: "title", v: 5, i: id }),
      bad({ s: "relevance", v: "0.5", i: id }),
      bad({ s: "sideways", v: "x", i: id }),
      "A".repeat(5000),
    ]) {
      expect(decodeArticleListCursor(text)).toBeUndefined();
    }
  });
});
