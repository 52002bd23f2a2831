import { type DefaultTreeAdapterTypes, parseFragment, serialize } from "parse5";
import sanitizeHtml from "sanitize-html";
import { ALLOWED_LINK_SCHEMES, normaliseUrl, safeLinkHref } from "./link-policy";

export { ALLOWED_LINK_SCHEMES, safeLinkHref };

/**
 * The article-body allowlist: exactly what the newsroom editor can produce
 * (paragraphs, h2–h4, bold/italic/strike/underline, links, lists, quotes,
 * line breaks, rules). Everything else is removed before a body is stored,
 * so a script, event handler or `javascript:` URL never reaches a reader,
 * whatever a client sends.
 */
export const ALLOWED_BODY_TAGS = [
  "p", "h2", "h3", "h4", "strong", "em", "s", "u", "a", "ul", "ol", "li", "blockquote", "br", "hr",
] as const;

/** Attributes kept, per tag; every other attribute (on*, style, class…) is dropped. */
export const ALLOWED_BODY_ATTRIBUTES: Record<string, readonly string[]> = { a: ["href", "rel", "target"] };

const EXTERNAL_REL = "noopener noreferrer nofollow";

/**
 * Tags whose *text* is dropped along with the tag: their content is code or
 * markup in another parsing mode (raw text, foreign namespaces), never prose.
 */
const DROP_CONTENT_TAGS = [
  "script", "style", "textarea", "option", "select", "noscript", "template", "iframe", "object", "embed",
  "svg", "math", "xmp", "noembed", "noframes", "plaintext", "title", "head", "frameset", "applet",
];

function isExternal(href: string, siteOrigin: string | undefined): boolean {
  if (!/^https?:/i.test(normaliseUrl(href))) return false;
  try {
    return !siteOrigin || new URL(href).origin !== siteOrigin;
  } catch {
    return true;
  }
}

function transformLink(siteOrigin: string | undefined): sanitizeHtml.Transformer {
  return (_tagName, attribs) => {
    const href = safeLinkHref(attribs.href);
    const kept: sanitizeHtml.Attributes = {};
    if (href !== undefined) kept.href = href;
    if (attribs.target === "_blank") kept.target = "_blank";
    if (href !== undefined && (isExternal(href, siteOrigin) || kept.target)) kept.rel = EXTERNAL_REL;
    return { tagName: "a", attribs: kept };
  };
}

export interface SanitizeBodyOptions {
  /** The public site's origin: links to it are not marked external. */
  siteOrigin?: string;
}

function buildOptions({ siteOrigin }: SanitizeBodyOptions): sanitizeHtml.IOptions {
  return {
    allowedTags: [...ALLOWED_BODY_TAGS],
    allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_BODY_ATTRIBUTES).map(([tag, attrs]) => [tag, [...attrs]])),
    allowedSchemes: [...ALLOWED_LINK_SCHEMES],
    allowedSchemesByTag: {},
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    disallowedTagsMode: "discard",
    nonTextTags: DROP_CONTENT_TAGS,
    enforceHtmlBoundary: false,
    parseStyleAttributes: false,
    // Pasted markup from other editors maps onto ours instead of vanishing.
    transformTags: {
      h1: "h2",
      h5: "h4",
      h6: "h4",
      b: "strong",
      i: "em",
      strike: "s",
      del: "s",
      a: transformLink(siteOrigin),
    },
    // A link the check stripped of its href is plain text.
    exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href ? "excludeTag" : false),
  };
}

/**
 * Sanitises an article body for storage. Idempotent: sanitising the output
 * again changes nothing, so the stored HTML parses the same way everywhere.
 */
export function sanitizeArticleBody(html: string, options: SanitizeBodyOptions = {}): string {
  return sanitizeHtml(toWellFormed(html), buildOptions(options)).trim();
}

/**
 * Rebuilds `html` as a browser would (parse5 implements the WHATWG parsing
 * algorithm), removes what is never prose, and serialises the rest for the
 * allowlist below.
 *
 * Why: sanitize-html's own parser is not a browser. An unclosed `<svg>` or
 * `<math>` made it treat everything after as the foreign element's content,
 * and DROP_CONTENT_TAGS then dropped every paragraph that followed, although
 * a browser ends the foreign element at the first `<p>` (or shows it inside
 * the element, at an integration point such as `<foreignObject>`). So:
 * - an SVG or MathML element goes, but the HTML a browser built inside it
 *   stays, in its place;
 * - an `<object>` goes, but its fallback content stays;
 * - any other HTML element of DROP_CONTENT_TAGS goes with its content, here, from
 *   the browser's tree: a raw-text element (`<noscript>`, `<xmp>`…)
 *   serialised back to a string would be read differently by sanitize-html's
 *   parser, which is exactly the disagreement mutation XSS lives on.
 * What is left is ordinary HTML elements and escaped text, which both parsers
 * read alike. (An unclosed `<script>` still runs to the end of the body, as
 * it does in a browser: that was never prose.)
 */
function toWellFormed(html: string): string {
  const fragment = parseFragment(html);
  fragment.childNodes = keepProse(fragment.childNodes, fragment);
  return serialize(fragment);
}

type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const DROPPED = new Set<string>(DROP_CONTENT_TAGS);
const FALLBACK_CONTENT = new Set(["object", "applet"]);
const HTML_NAMESPACE = "http://www.w3.org/1999/xhtml";

function keepProse(nodes: ChildNode[], parent: ParentNode): ChildNode[] {
  return nodes.flatMap((node): ChildNode[] => {
    if (node.nodeName === "#comment" || node.nodeName === "#documentType") return [];
    if (!("tagName" in node)) return [node];
    if (node.namespaceURI !== HTML_NAMESPACE) return keepProse(htmlInside(node), parent);
    // Plugin elements' content is the fallback a browser shows in their place.
    if (FALLBACK_CONTENT.has(node.tagName)) return keepProse(node.childNodes, parent);
    if (DROPPED.has(node.tagName)) return [];
    node.childNodes = keepProse(node.childNodes, node);
    node.parentNode = parent;
    return [node];
  });
}

/** The HTML-namespace elements a browser built inside a foreign (SVG/MathML) element, outermost first. */
function htmlInside(element: DefaultTreeAdapterTypes.Element): ChildNode[] {
  return element.childNodes.flatMap((child) => {
    if (!("tagName" in child)) return [];
    return child.namespaceURI === HTML_NAMESPACE ? [child] : htmlInside(child);
  });
}