import { describe, expect, it } from "vitest";
import { contextAround, findPhrase, locatePassage, normaliseForMatch, sentenceAround, trimRange, type PassageBlock } from "./typo-passage";

const story: PassageBlock[] = [
  { index: -1, text: "Azerbaijan and Serbia hold politcal consultations" },
  { index: 0, text: "Political consultations took place in Belgrade, Report informs." },
  { index: 1, text: "The delegation was led by the deputy minster. The minster spoke first." },
  { index: 2, text: "Later, the minster left for the airport." },
];

describe("selection helpers", () => {
  it("normalises case, width, spacing and invisible characters", () => {
    expect(normaliseForMatch("  Teh\u00a0 MIN\u00adISTRY ")).toBe("teh ministry");
  });

  it("trims whitespace a double-click took along", () => {
    const text = "the minster spoke";
    expect(trimRange(text, 3, 12)).toEqual({ start: 4, end: 11 });
  });

  it("keeps whole words of context either side", () => {
    const text = "one two three four five six seven";
    expect(contextAround(text, 14, 18, 6)).toEqual({ before: "three ", after: " five" });
    expect(contextAround(text, 0, 3, 100)).toEqual({ before: "", after: text.slice(3) });
  });

  it("finds the sentence around a selection", () => {
    const text = story[2]?.text ?? "";
    const start = text.indexOf("minster spoke");
    expect(sentenceAround(text, start, start + 7)).toEqual({ before: "The ", selected: "minster", after: " spoke first." });
    const first = text.indexOf("minster");
    expect(sentenceAround(text, first, first + 7)).toEqual({ before: "The delegation was led by the deputy ", selected: "minster", after: "." });
  });

  it("cuts a very long sentence with an ellipsis", () => {
    const text = `${"word ".repeat(100)}typo ${"word ".repeat(100)}`;
    const start = text.indexOf("typo");
    const sentence = sentenceAround(text, start, start + 4);
    expect(sentence.before.startsWith("…")).toBe(true);
    expect(sentence.after.endsWith("…")).toBe(true);
    expect(sentence.before.length).toBeLessThanOrEqual(162);
  });
});

describe("locatePassage", () => {
  const target = (overrides = {}) => ({
    paragraphIndex: 1,
    charOffset: 50,
    selectedText: "minster",
    contextBefore: "deputy minster. The ",
    contextAfter: " spoke first.",
    ...overrides,
  });

  it("finds the exact occurrence by its context, among several", () => {
    expect(locatePassage(story, target())).toEqual({ index: 1, start: 50, end: 57, isExact: true });
    expect(locatePassage(story, target({ charOffset: 37, contextBefore: "led by the deputy ", contextAfter: ". The minster" }))).toEqual({ index: 1, start: 37, end: 44, isExact: true });
  });

  it("follows the passage when paragraphs moved or text before it changed", () => {
    const edited: PassageBlock[] = [story[0] as PassageBlock, story[1] as PassageBlock, { index: 1, text: "A new paragraph." }, { index: 2, text: "The team was led by the deputy minster. The minster spoke first." }];
    const found = locatePassage(edited, target());
    expect(found).toMatchObject({ index: 2, isExact: false });
    expect(edited[3]?.text.slice(found?.start, found?.end)).toBe("minster");
    expect(found?.start).toBe(edited[3]?.text.lastIndexOf("minster"));
  });

  it("matches across differences in spacing and case", () => {
    const found = locatePassage(story, target({ selectedText: "DEPUTY   minster", contextBefore: "led by the ", contextAfter: ". The", charOffset: 30 }));
    expect(found).toMatchObject({ index: 1, start: 30, end: 44, isExact: false });
  });

  it("finds the headline and the lead", () => {
    expect(locatePassage(story, target({ paragraphIndex: -1, selectedText: "politcal", contextBefore: "Serbia hold ", contextAfter: " consultations", charOffset: 27 }))).toEqual({ index: -1, start: 27, end: 35, isExact: true });
  });

  it("says so when the text is gone", () => {
    expect(locatePassage(story, target({ selectedText: "minister" }))).toBeNull();
  });
});

describe("findPhrase", () => {
  it("finds the first occurrence of a typed phrase, preferring the same case", () => {
    expect(findPhrase(story, "minster")).toEqual({ index: 1, start: 37, end: 44, isExact: true });
    expect(findPhrase(story, "REPORT informs")).toMatchObject({ index: 0, isExact: false });
    expect(findPhrase(story, "nowhere")).toBeNull();
    expect(findPhrase(story, "   ")).toBeNull();
  });
});
