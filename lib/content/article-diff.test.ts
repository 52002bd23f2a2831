import { describe, expect, it } from "vitest";
import { diffBody, diffText, hasChanges } from "./article-diff";
import { bodyToTextBlocks } from "./body-text";

describe("article diffs", () => {
  it("diff words of plain fields", () => {
    expect(diffText("Azerbaijan and Serbia hold talks", "Azerbaijan and Serbia hold political talks")).toEqual([
      { value: "Azerbaijan and Serbia hold ", change: "same" },
      { value: "political ", change: "added" },
      { value: "talks", change: "same" },
    ]);
    expect(hasChanges(diffText("same", "same"))).toBe(false);
  });

  it("show a rewrite as old text out, new text in", () => {
    expect(diffText("Azerbaijan and Serbia hold talks", "Changed lead by admin.")).toEqual([
      { value: "Azerbaijan and Serbia hold talks", change: "removed" },
      { value: "Changed lead by admin.", change: "added" },
    ]);
  });

  it("line up paragraphs, then diff an edited one word by word", () => {
    const before = "<p>First paragraph.</p><p>Second one here.</p><p>Third.</p>";
    const after = "<p>First paragraph.</p><p>Second one there.</p><p>New fourth.</p><p>Third.</p>";
    const blocks = diffBody(before, after);
    expect(blocks.map((b) => b.change)).toEqual(["same", "changed", "added", "same"]);
    expect(blocks[1]?.parts.filter((p) => p.change !== "same").map((p) => [p.change, p.value])).toEqual([
      ["removed", "here"],
      ["added", "there"],
    ]);
  });

  it("show removed paragraphs", () => {
    expect(diffBody("<p>Keep.</p><p>Drop.</p>", "<p>Keep.</p>").map((b) => [b.change, b.parts[0]?.value])).toEqual([
      ["same", "Keep."],
      ["removed", "Drop."],
    ]);
  });

  it("read text out of sanitised markup, entities decoded", () => {
    expect(bodyToTextBlocks("<h2>Title &amp; more</h2><p>One<br />two &lt;b&gt;</p><ul><li><p>Item</p></li></ul><hr /><blockquote><p>Quote</p></blockquote>")).toEqual([
      "Title & more",
      "One\ntwo <b>",
      "• Item",
      "Quote",
    ]);
  });
});
