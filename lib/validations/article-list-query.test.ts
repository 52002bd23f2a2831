import { describe, expect, it } from "vitest";
import { parseArticleListQuery } from "./article-list-query";

describe("article list query", () => {
  it("keeps valid filters and treats empty form fields as absent", () => {
    expect(
      parseArticleListQuery({ q: "  oil prices ", status: "in_review", section: "Economy", author: "", language: "RU", sort: "title", per: "20" }),
    ).toEqual({ query: { q: "oil prices", status: "in_review", section: "economy", language: "ru", sort: "title", per: 20 }, ignored: [] });
  });

  it("drops each bad value on its own and says which", () => {
    const { query, ignored } = parseArticleListQuery({
      q: "x".repeat(201),
      status: "deleted",
      section: "../etc",
      per: "7",
      sort: "random",
      after: "%%%",
      language: "english please",
      author: "aysel-mammadova",
    });
    expect(query).toEqual({ author: "aysel-mammadova" });
    expect(ignored.sort()).toEqual(["after", "language", "per", "q", "section", "sort", "status"]);
  });

  it("takes the first of repeated parameters", () => {
    expect(parseArticleListQuery({ status: ["draft", "archived"] }).query).toEqual({ status: "draft" });
  });
});
