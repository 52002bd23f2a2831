/**
 * XSS vectors in the style of the OWASP XSS Filter Evasion Cheat Sheet,
 * PortSwigger's XSS cheat sheet and published DOMPurify/mXSS bypasses. Each
 * vector, if it ever runs, calls `top.__xss.push(<id>)`, so a browser test
 * can tell exactly which one executed.
 *
 * `trigger` says how the raw vector runs in Chromium with no sanitiser and no
 * CSP (the e2e suite proves it): "load" on its own, "click" when a reader
 * clicks `clickText`, or "never" for legacy vectors (old IE/Firefox) and ones
 * that only bite after a serialise/re-parse round trip — kept because a
 * sanitiser must remove them all the same.
 */
export interface XssVector {
  id: number;
  name: string;
  html: string;
  trigger: "load" | "click" | "never";
  /** What to click for trigger "click". */
  clickText?: string;
  /** Harmless text that must survive sanitising ("" in a spec: none, e.g. text inside <svg>). */
  keeps?: string;
  /** Why a "never" vector does not run in today's Chromium. */
  note?: string;
}

/** The JavaScript each vector tries to run. */
export const xssPayload = (id: number) => `top.__xss.push(${id})`;

const decimalEntities = (text: string) => Array.from(text, (ch) => `&#${ch.codePointAt(0)};`).join("");
const hexEntities = (text: string) => Array.from(text, (ch) => `&#x${ch.codePointAt(0)?.toString(16)};`).join("");
const paddedEntities = (text: string) => Array.from(text, (ch) => `&#${String(ch.codePointAt(0)).padStart(7, "0")}`).join("");

type Spec = Omit<XssVector, "id" | "html" | "clickText" | "keeps"> & {
  /** Visible text; the vector's id is appended ("Link 32"). Clicked for trigger "click", must survive sanitising. */
  label?: string;
  keeps?: string;
  html: (js: string, label: string) => string;
};

const specs: Spec[] = [
  // Script elements
  { name: "script tag", trigger: "load", html: (js) => `<script>${js}</script>` },
  { name: "script tag, mixed case", trigger: "load", html: (js) => `<ScRiPt>${js}</sCrIpT>` },
  { name: "script with data: src", trigger: "load", html: (js) => `<script src="data:text/javascript,${js}"></script>` },
  { name: "script with junk attribute separator", trigger: "load", html: (js) => `<script/xss>${js}</script>` },
  { name: "extraneous open bracket", trigger: "load", html: (js) => `<<script>${js}//<</script>` },
  { name: "img onerror, base64 payload through eval(atob())", trigger: "load", html: (js) => `<img src=x onerror="eval(atob('${btoa(js)}'))">` },
  { name: "malformed img quotes", trigger: "load", html: (js) => `<img """><script>${js}</script>">` },
  // Event handlers
  { name: "img onerror", trigger: "load", html: (js) => `<img src=x onerror=${js}>` },
  { name: "img onerror, mixed case", trigger: "load", html: (js) => `<IMG SRC=x oNeRrOr="${js}">` },
  { name: "img onerror, entity-encoded handler", trigger: "load", html: (js) => `<img src="x" onerror="${decimalEntities(js)}">` },
  { name: "img onerror, slashes for spaces", trigger: "load", html: (js) => `<img/src="x"/onerror=${js}>` },
  { name: "img onerror, spaces around =", trigger: "load", html: (js) => `<img src="x" onerror  =  "${js}">` },
  { name: "img javascript: src", trigger: "never", note: "IE6-era", html: (js) => `<img src="javascript:${js}">` },
  { name: "svg onload", trigger: "load", html: (js) => `<svg onload="${js}"></svg>` },
  { name: "svg script", trigger: "load", html: (js) => `<svg><script>${js}</script></svg>` },
  { name: "svg animate onbegin", trigger: "load", html: (js) => `<svg><animate onbegin="${js}" attributeName="x" dur="1s"></animate></svg>` },
  { name: "svg foreignObject img", trigger: "load", html: (js) => `<svg><foreignObject><img src=x onerror="${js}"></foreignObject></svg>` },
  { name: "body onload merged into the page body", trigger: "load", html: (js) => `<body onload="${js}">` },
  { label: "Details", name: "details ontoggle", trigger: "load", html: (js, label) => `<details open ontoggle="${js}"><summary>${label}</summary></details>` },
  { name: "input autofocus onfocus", trigger: "load", html: (js) => `<input autofocus onfocus="${js}">` },
  { name: "video source onerror", trigger: "load", html: (js) => `<video><source onerror="${js}"></video>` },
  { name: "audio onerror", trigger: "load", html: (js) => `<audio src=x onerror="${js}"></audio>` },
  { name: "style onload", trigger: "load", html: (js) => `<style onload="${js}"></style>` },
  { label: "Button", name: "button onclick", trigger: "click", html: (js, label) => `<button onclick="${js}">${label}</button>` },
  { label: "Paragraph", name: "onclick on an allowed tag", trigger: "click", html: (js, label) => `<p onclick="${js}">${label}</p>` },
  { label: "Hover", name: "onmouseover on an allowed link", trigger: "click", html: (js, label) => `<a href="#hover" onmouseover="${js}">${label}</a>` },
  // Frames and plugins
  { name: "iframe javascript: src", trigger: "load", html: (js) => `<iframe src="javascript:${js}"></iframe>` },
  { name: "iframe srcdoc", trigger: "load", html: (js) => `<iframe srcdoc="&lt;script&gt;${js}&lt;/script&gt;"></iframe>` },
  { name: "iframe data: URL", trigger: "never", note: "runs in an opaque origin that cannot reach the page", html: (js) => `<iframe src="data:text/html,<script>${js}</script>"></iframe>` },
  { name: "object javascript: data", trigger: "never", note: "blocked for plugin documents in Chromium", html: (js) => `<object data="javascript:${js}"></object>` },
  { name: "embed javascript: src", trigger: "never", note: "blocked for plugin documents in Chromium", html: (js) => `<embed src="javascript:${js}">` },
  // javascript: links, obfuscated
  { label: "Link", name: "javascript: link", trigger: "click", html: (js, label) => `<a href="javascript:${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, mixed case", trigger: "click", html: (js, label) => `<a href="JaVaScRiPt:${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, tab entity", trigger: "click", html: (js, label) => `<a href="jav&#x09;ascript:${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, newline entity", trigger: "click", html: (js, label) => `<a href="jav&#x0A;ascript:${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, raw tab and newline", trigger: "click", html: (js, label) => `<a href="ja\tva\nscript:${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, leading control characters", trigger: "click", html: (js, label) => `<a href=" &#14;  javascript:${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, decimal entities", trigger: "click", html: (js, label) => `<a href="${decimalEntities(`javascript:${js}`)}">${label}</a>` },
  { label: "Link", name: "javascript: link, hex entities", trigger: "click", html: (js, label) => `<a href="${hexEntities(`javascript:${js}`)}">${label}</a>` },
  { label: "Link", name: "javascript: link, zero-padded entities without semicolons", trigger: "click", html: (js, label) => `<a href="${paddedEntities(`javascript:${js}`)}">${label}</a>` },
  { label: "Link", name: "javascript: link, &colon;", trigger: "click", html: (js, label) => `<a href="javascript&colon;${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, URL-encoded newline after comment", trigger: "click", html: (js, label) => `<a href="javascript://%0a${js}">${label}</a>` },
  { label: "Link", name: "javascript: link, unquoted href", trigger: "click", html: (js, label) => `<a href=javascript:${js}>${label}</a>` },
  { label: "Link", name: "onclick on an https link", trigger: "click", html: (js, label) => `<a href="#link" onclick="${js};return false">${label}</a>` },
  { label: "Link", name: "data: text/html link", trigger: "never", note: "Chromium blocks top-level navigation to data: URLs", html: (js, label) => `<a href="data:text/html;base64,${btoa(`<script>${js}</script>`)}">${label}</a>` },
  { label: "Link", name: "vbscript: link", trigger: "never", note: "Internet Explorer only", html: (_js, label) => `<a href="vbscript:msgbox(1)">${label}</a>` },
  { label: "SVG link", name: "svg xlink:href javascript:", trigger: "click", keeps: "", html: (js, label) => `<svg width="200" height="40"><a xlink:href="javascript:${js}"><text x="10" y="20">${label}</text></a></svg>` },
  { label: "Send", name: "form action javascript:", trigger: "click", html: (js, label) => `<form action="javascript:${js}"><button>${label}</button></form>` },
  { label: "Go", name: "button formaction javascript:", trigger: "click", html: (js, label) => `<form><button formaction="javascript:${js}">${label}</button></form>` },
  // Styles, meta, base
  { label: "Styled", name: "style expression()", trigger: "never", note: "Internet Explorer only", html: (js, label) => `<p style="width: expression(${js})">${label}</p>` },
  { label: "Styled", name: "style url(javascript:)", trigger: "never", note: "IE6-era", html: (js, label) => `<p style="background-image: url(javascript:${js})">${label}</p>` },
  { name: "style @import javascript:", trigger: "never", note: "IE6-era", html: (js) => `<style>@import 'javascript:${js}';</style>` },
  { name: "link stylesheet javascript:", trigger: "never", note: "IE6-era", html: (js) => `<link rel="stylesheet" href="javascript:${js}">` },
  { name: "meta refresh to javascript:", trigger: "never", note: "Chromium refuses javascript: refreshes", html: (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">` },
  { label: "Relative", name: "base href javascript:", trigger: "never", note: "Chromium refuses javascript: base URLs", html: (js, label) => `<base href="javascript:${js}//"><a href="/relative">${label}</a>` },
  // Raw-text and mutation (mXSS) tricks
  { name: "noscript title breakout (mXSS)", trigger: "load", html: (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>"></noscript>` },
  { name: "textarea title breakout", trigger: "load", html: (js) => `<textarea><img title="</textarea><img src=x onerror=${js}>"></textarea>` },
  { name: "title element breakout", trigger: "load", html: (js) => `<title><img title="</title><img src=x onerror=${js}>"></title>` },
  { name: "xmp breakout", trigger: "load", html: (js) => `<xmp><p title="</xmp><img src=x onerror=${js}>"></xmp>` },
  { name: "iframe content breakout", trigger: "load", html: (js) => `<iframe><img title="</iframe><img src=x onerror=${js}>"></iframe>` },
  { name: "noembed breakout", trigger: "load", html: (js) => `<noembed><img title="</noembed><img src=x onerror=${js}>"></noembed>` },
  { name: "style element breakout", trigger: "load", html: (js) => `<style><img src="</style><img src=x onerror=${js}>"></style>` },
  { name: "comment breakout", trigger: "load", html: (js) => `<!--<img src="--><img src=x onerror=${js}//">` },
  { name: "CDATA in HTML is a bogus comment", trigger: "load", html: (js) => `<![CDATA[><img src=x onerror=${js}>]]>` },
  { name: "svg/style namespace confusion (DOMPurify 2.0.0)", trigger: "load", html: (js) => `<svg></p><style><a id="</style><img src=1 onerror=${js}>"></svg>` },
  { name: "math/mglyph namespace confusion (DOMPurify 2.0.17)", trigger: "never", note: "needs a serialise/re-parse round trip", html: (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}></style></mglyph></table></mtext></math>` },
  { name: "form/math nesting mXSS (DOMPurify 2.2.2)", trigger: "never", note: "needs a serialise/re-parse round trip", html: (js) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${js}></style></mglyph></form></mtext></math></form>` },
  { name: "template contents", trigger: "never", note: "template contents are inert until cloned", html: (js) => `<template><img src=x onerror=${js}></template>` },
  { label: "Titled", name: "markup inside an allowed attribute", trigger: "never", note: "inert unless a sanitiser unescapes attribute text", html: (js, label) => `<a href="/titled" title="&quot;><img src=x onerror=${js}>">${label}</a>` },
  // Unclosed foreign elements (issue 10): a browser ends them at the next <p>, so the text after must survive.
  { name: "unclosed svg onload", trigger: "load", html: (js) => `<svg onload="${js}">` },
  { name: "unclosed math with an unclosed svg inside", trigger: "load", html: (js) => `<math><mi><svg><image href="x" onerror="${js}">` },
];

export const xssCorpus: XssVector[] = specs.map(({ label: prefix, html, ...spec }, index) => {
  const id = index + 1;
  const label = `${prefix ?? "Vector"} ${id}`;
  return {
    ...spec,
    id,
    html: html(xssPayload(id), label),
    ...(spec.keeps !== "" && (prefix || spec.keeps) ? { keeps: spec.keeps ?? label } : {}),
    ...(prefix && spec.trigger === "click" ? { clickText: label } : {}),
  };
});

/** Marker paragraphs around each vector: a vector must not swallow its neighbours. */
export const vectorStartMarker = (id: number) => `Vector ${id} begins.`;
export const vectorEndMarker = (id: number) => `Vector ${id} ends.`;

/** The whole corpus as one article body, every vector fenced by marker paragraphs. */
export function buildXssCorpusBody(vectors: readonly XssVector[] = xssCorpus): string {
  return vectors.map((v) => `<p>${vectorStartMarker(v.id)}</p>${v.html}<p>${vectorEndMarker(v.id)}</p>`).join("\n");
}
