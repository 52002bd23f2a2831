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
  return sanitizeHtml(html, buildOptions(options)).trim();
}
