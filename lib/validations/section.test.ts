import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deleteSectionSchema, moveSectionSchema, sectionFormSchema, updateSectionSchema } from "./section";

const errorsOf = (result: { success: boolean; error?: z.ZodError }): Record<string, string[] | undefined> =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe("section form schema", () => {
  it("trims, lower-cases the slug and turns blanks into 'not given'", () => {
    const parsed = sectionFormSchema.parse({ name: "  World  ", slug: " World-News ", description: "   ", parentId: "" });
    expect(parsed).toEqual({ name: "World", slug: "world-news", description: undefined, parentId: undefined });
  });

  it("names each bad field", () => {
    const result = sectionFormSchema.safeParse({ name: " ", slug: "no spaces", description: "x".repeat(501), parentId: "42" });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["description", "name", "parentId", "slug"]);
    expect(errorsOf(sectionFormSchema.safeParse({ name: "x".repeat(81) })).name?.[0]).toMatch(/at most 80/);
    expect(errorsOf(sectionFormSchema.safeParse({})).name?.[0]).toBe("Enter a name");
  });

  it("checks ids and the edit form's version stamp", () => {
    const id = "01900000-0000-7000-8000-000000000000";
    expect(updateSectionSchema.safeParse({ id, name: "A", expectedVersion: "0123456789abcdef" }).success).toBe(true);
    expect(errorsOf(updateSectionSchema.safeParse({ id, name: "A", expectedVersion: "yesterday" })).expectedVersion).toBeDefined();
    expect(errorsOf(moveSectionSchema.safeParse({ id, direction: "sideways" })).direction).toBeDefined();
    expect(deleteSectionSchema.parse({ id, moveStoriesTo: "" })).toEqual({ id, moveStoriesTo: undefined });
    expect(errorsOf(deleteSectionSchema.safeParse({ id: "x" })).id?.[0]).toBe("Unknown section");
  });
});
