import { describe, expect, it } from "vitest";
import { isValidSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Azerbaijan and Serbia hold political consultations", "azerbaijan-and-serbia-hold-political-consultations"],
    ["Azərbaycan və Serbiya siyasi məsləhətləşmələr keçirib", "azerbaycan-ve-serbiya-siyasi-meslehetleshmeler-kechirib"],
    ["Азербайджан и Сербия провели политические консультации", "azerbaydzhan-i-serbiya-proveli-politicheskie-konsultatsii"],
    ["İlham Əliyev: “COP29” — 2024!", "ilham-eliyev-cop29-2024"],
    ["Azerbaijan’s liberated territories", "azerbaijans-liberated-territories"],
    ["   ---   ", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("keeps slugs short enough for a URL without a trailing hyphen", () => {
    const slug = slugify("word ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("validates", () => {
    expect(isValidSlug("foreign-policy")).toBe(true);
    expect(isValidSlug("Foreign policy")).toBe(false);
    expect(isValidSlug("a--b")).toBe(false);
    expect(isValidSlug("")).toBe(false);
  });
});
