import { describe, expect, it } from "vitest";
import { articleDraftSchema, articleSaveSchema, emptyArticleFields, toFieldErrors, transitionArticleSchema } from "./article";

const valid = { ...emptyArticleFields("en"), title: "A headline", sectionId: "0196a000-0000-7000-8000-000000000000" };

function errorsOf(input: unknown, schema: typeof articleSaveSchema | typeof articleDraftSchema = articleSaveSchema) {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : toFieldErrors(parsed.error);
}

describe("article form validation", () => {
  it("accepts a complete form and cleans plain text", () => {
    const parsed = articleSaveSchema.parse({ ...valid, title: "  Two\n spaces\u0007 ", tags: ["a", " ", "b"], slug: " My-Slug " });
    expect(parsed).toMatchObject({ title: "Two spaces", tags: ["a", "b"], slug: "my-slug" });
  });

  it("names each bad field", () => {
    expect(errorsOf({ ...valid, title: "" })).toEqual({ title: ["Enter a headline"] });
    expect(errorsOf({ ...valid, sectionId: "" })).toEqual({ sectionId: ["Choose a section from the list"] });
    expect(errorsOf({ ...valid, title: "x".repeat(301) }).title?.[0]).toBe("The headline must be at most 300 characters");
    expect(errorsOf({ ...valid, slug: "no spaces allowed" }).slug?.[0]).toMatch(/lower-case letters/);
    expect(errorsOf({ ...valid, body: "x".repeat(1_000_001) }).body?.[0]).toMatch(/too long/);
    expect(errorsOf({ ...valid, publishedAt: "16.10.2024 17:40" }).publishedAt?.[0]).toMatch(/Enter a date and time/);
    expect(errorsOf({ ...valid, language: "english!" }).language?.[0]).toMatch(/language code/);
    expect(errorsOf({ ...valid, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }).tags?.[0]).toBe("At most 20 tags");
    expect(errorsOf({ ...valid, title: 42 }).title?.[0]).toBe("The headline must be text");
  });

  it("lets autosave keep a half-written story, but not an oversized one", () => {
    expect(errorsOf({ ...valid, title: "", sectionId: "" }, articleDraftSchema)).toEqual({});
    expect(Object.keys(errorsOf({ ...valid, body: "x".repeat(1_000_001) }, articleDraftSchema))).toEqual(["body"]);
  });

  it("requires a note to send a story back, and a time to schedule it", () => {
    const base = { id: "0196a000-0000-7000-8000-000000000000", baseVersion: 3 };
    expect(transitionArticleSchema.safeParse({ ...base, transition: "return-to-draft", note: "  " }).success).toBe(false);
    expect(transitionArticleSchema.safeParse({ ...base, transition: "schedule" }).success).toBe(false);
    expect(transitionArticleSchema.safeParse({ ...base, transition: "schedule", publishAt: "2030-01-01T10:00:30" }).success).toBe(true);
    expect(transitionArticleSchema.safeParse({ ...base, transition: "delete-everything" }).success).toBe(false);
  });
});
