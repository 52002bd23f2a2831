import { describe, expect, it } from "vitest";
import { findAllowlistViolations, findExecutableConstructs } from "../testing/markup-inspection";
import { bodyToTextBlocks } from "./body-text";
import { sanitizeArticleBody, safeLinkHref } from "./sanitize-body";
import { buildXssCorpusBody, vectorEndMarker, vectorStartMarker, xssCorpus } from "./xss-corpus";

const site = { siteOrigin: "https://news.example" };

describe("the XSS corpus", () => {
  it("has at least 50 vectors, each with a unique payload", () => {
    expect(xssCorpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(xssCorpus.map((v) => v.id)).size).toBe(xssCorpus.length);
    for (const vector of xssCorpus) {
      if (vector.name !== "vbscript: link") expect(vector.html.replace(/&#x?0*([0-9a-f]+);?/gi, "")).toMatch(/./);
    }
    expect(xssCorpus.filter((v) => v.trigger !== "never").length).toBeGreaterThanOrEqual(50);
  });

  it.each(xssCorpus.map((v) => [v.id, v.name, v] as const))("vector %i (%s) is dangerous as written", (_id, _name, vector) => {
    expect(findExecutableConstructs(vector.html)).not.toEqual([]);
  });

  it.each(xssCorpus.map((v) => [v.id, v.name, v] as const))("vector %i (%s) is harmless once sanitised", (_id, _name, vector) => {
    const clean = sanitizeArticleBody(vector.html, site);
    expect(findExecutableConstructs(clean)).toEqual([]);
    expect(findAllowlistViolations(clean)).toEqual([]);
    // Stable: what is stored parses the same way on every later pass.
    expect(sanitizeArticleBody(clean, site)).toBe(clean);
    if (vector.keeps) expect(bodyToTextBlocks(clean).join(" ")).toContain(vector.keeps);
  });

  it("keeps every vector fenced: none swallows the text around it", () => {
    const clean = sanitizeArticleBody(buildXssCorpusBody(), site);
    const text = bodyToTextBlocks(clean).join("\n");
    for (const vector of xssCorpus) {
      expect(text).toContain(vectorStartMarker(vector.id));
      expect(text).toContain(vectorEndMarker(vector.id));
    }
    expect(findExecutableConstructs(clean)).toEqual([]);
  });
});

describe("sanitizeArticleBody", () => {
  it("keeps the paragraphs after an unclosed <svg> or <math> (a browser closes them at the next <p>)", () => {
    const after = "<p>Harmless text after it.</p><p>And more.</p>";
    for (const opening of ["<svg>", '<svg onload="alert(1)"><circle r="1">', "<math><mi>", "<svg><foreignObject><img src=x onerror=alert(1)>"]) {
      const clean = sanitizeArticleBody(`<p>Before.</p>${opening}${after}`, site);
      expect(clean).toBe(`<p>Before.</p>${after}`);
    }
  });

  it("keeps the text around every corpus vector left unclosed", () => {
    // Each vector with its end tags cut off, fenced by markers: the dangerous
    // part goes, the end marker stays — unless the vector opens a raw-text
    // element, which a browser too runs to the end of the body.
    const rawText = /<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|template|select|option)\b/i;
    for (const vector of xssCorpus) {
      const unclosed = vector.html.replace(/<\/[a-z][^>]*>/gi, "");
      const clean = sanitizeArticleBody(`<p>${vectorStartMarker(vector.id)}</p>${unclosed}<p>${vectorEndMarker(vector.id)}</p>`, site);
      expect(findExecutableConstructs(clean), vector.name).toEqual([]);
      expect(findAllowlistViolations(clean), vector.name).toEqual([]);
      expect(sanitizeArticleBody(clean, site)).toBe(clean);
      expect(clean).toContain(vectorStartMarker(vector.id));
      if (!rawText.test(unclosed)) expect(clean, vector.name).toContain(vectorEndMarker(vector.id));
    }
  });

  it("keeps everything the editor produces, unchanged", () => {
    const html =
      "<h2>Heading</h2><p>Some <strong>bold</strong>, <em>italic</em>, <s>struck</s> and <u>underlined</u> text.<br />Next line.</p>" +
      '<ul><li><p>One</p></li><li><p>Two</p></li></ul><ol><li><p>First</p></li></ol><blockquote><p>Quoted</p></blockquote><hr />' +
      '<h3>Sub</h3><h4>Subsub</h4><p><a href="/news/world/a-story">internal</a> and <a href="mailto:desk@news.example">mail</a></p>';
    expect(sanitizeArticleBody(html, site)).toBe(html);
  });

  it("marks external links and keeps internal ones plain", () => {
    expect(sanitizeArticleBody('<p><a href="https://other.example/x" target="_blank">x</a></p>', site)).toBe(
      '<p><a href="https://other.example/x" target="_blank" rel="noopener noreferrer nofollow">x</a></p>',
    );
    expect(sanitizeArticleBody('<p><a href="https://news.example/news/a" rel="author">a</a></p>', site)).toBe(
      '<p><a href="https://news.example/news/a">a</a></p>',
    );
    expect(sanitizeArticleBody('<p><a href="https://x.example" target="_top">x</a></p>', site)).toBe(
      '<p><a href="https://x.example" rel="noopener noreferrer nofollow">x</a></p>',
    );
  });

  it("maps pasted markup from other editors onto the allowlist", () => {
    expect(sanitizeArticleBody("<h1>Top</h1><h6>Low</h6><b>b</b><i>i</i><del>d</del>", site)).toBe(
      "<h2>Top</h2><h4>Low</h4><strong>b</strong><em>i</em><s>d</s>",
    );
    expect(sanitizeArticleBody('<div class="x" style="color:red"><span>Plain</span> text</div><img src="https://x/y.png">', site)).toBe(
      "Plain text",
    );
  });

  it("turns links without a safe target into plain text", () => {
    expect(sanitizeArticleBody('<p><a href="javascript:alert(1)">click</a></p>', site)).toBe("<p>click</p>");
    expect(sanitizeArticleBody('<p><a href="//evil.example">click</a></p>', site)).toBe("<p>click</p>");
    expect(sanitizeArticleBody('<p><a>anchor</a></p>', site)).toBe("<p>anchor</p>");
  });

  it("escapes text so it can never become markup", () => {
    expect(sanitizeArticleBody("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;</p>", site)).toBe("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;script&gt;</p>");
  });
});

describe("safeLinkHref", () => {
  it.each([
    ["https://example.com/a?b=c", true],
    ["http://example.com", true],
    ["mailto:desk@example.com", true],
    ["/news/world/story", true],
    ["#section", true],
    ["javascript:alert(1)", false],
    [" JAVASCRIPT:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["java\u0000script:alert(1)", false],
    ["data:text/html,<script>", false],
    ["vbscript:msgbox", false],
    ["//evil.example/x", false],
    ["\\\\evil.example", false],
    ["/\\evil.example", false],
    ["relative/path", false],
    ["", false],
  ])("%j allowed: %s", (href, allowed) => {
    expect(safeLinkHref(href) !== undefined).toBe(allowed);
  });
});
