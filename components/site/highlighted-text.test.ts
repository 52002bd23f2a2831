import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/data/public-search";
import { HighlightedText } from "./highlighted-text";

function render(text: string): string {
  return renderToStaticMarkup(createElement(HighlightedText, { text }));
}

describe("HighlightedText", () => {
  it("marks the matches", () => {
    expect(render(`Azerbaijan and ${HIGHLIGHT_START}Serbia${HIGHLIGHT_END} talk`)).toBe("Azerbaijan and <mark>Serbia</mark> talk");
  });

  it("renders markup from stories or queries as text", () => {
    const html = render(`&lt;script&gt;alert(1)&lt;/script&gt; and <img src=x onerror=alert(1)> ${HIGHLIGHT_START}<b>x</b>${HIGHLIGHT_END}`);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("<mark>&lt;b&gt;x&lt;/b&gt;</mark>");
  });

  it("survives unbalanced markers", () => {
    expect(render(`a${HIGHLIGHT_END}b${HIGHLIGHT_START}c`)).toBe("ab<mark>c</mark>");
  });
});
