import sanitizeHtml from "sanitize-html";
import { ALLOWED_BODY_ATTRIBUTES, ALLOWED_BODY_TAGS, safeLinkHref } from "../content/sanitize-body";

/** Every element an HTML parser (htmlparser2, as the sanitiser uses) sees, with its attributes. */
export function listElements(html: string): { tag: string; attribs: Record<string, string> }[] {
  const found: { tag: string; attribs: Record<string, string> }[] = [];
  // onOpenTag sees attributes before any filtering (missing from @types/sanitize-html).
  const options: sanitizeHtml.IOptions & { onOpenTag: (tag: string, attribs: Record<string, string>) => void } = {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    nonTextTags: [],
    parseStyleAttributes: false,
    onOpenTag: (tag, attribs) => found.push({ tag, attribs: { ...attribs } }),
  };
  sanitizeHtml(html, options);
  return found;
}

const SCRIPT_CARRIER_TAGS = new Set([
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "meta", "link", "style",
  "form", "template", "noscript", "textarea", "title", "xmp", "noembed", "noframes", "plaintext", "body",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcset"]);

/**
 * What in this markup could run script in some browser: script-carrying or
 * raw-text (mutation XSS) elements, event handlers, style, and URL
 * attributes with a scheme other than http/https/mailto.
 */
export function findExecutableConstructs(html: string): string[] {
  const findings: string[] = [];
  for (const { tag, attribs } of listElements(html)) {
    if (SCRIPT_CARRIER_TAGS.has(tag)) findings.push(`<${tag}>`);
    for (const [name, value] of Object.entries(attribs)) {
      if (/^on/i.test(name) || name === "style" || name === "srcdoc") findings.push(`${tag}[${name}]`);
      else if (URL_ATTRIBUTES.has(name) && safeLinkHref(value) === undefined) findings.push(`${tag}[${name}=${value}]`);
      else if (/<[a-z!/]/i.test(value)) findings.push(`${tag}[${name}] carries markup`);
    }
  }
  // Parser differentials htmlparser2 does not model but browsers do.
  if (/<!\[CDATA\[/i.test(html)) findings.push("CDATA section (a bogus comment to browsers)");
  return findings;
}

/** Departures from the body allowlist: foreign tags, foreign attributes, unsafe hrefs. */
export function findAllowlistViolations(html: string): string[] {
  const allowedTags = new Set<string>(ALLOWED_BODY_TAGS);
  const violations: string[] = [];
  for (const { tag, attribs } of listElements(html)) {
    if (!allowedTags.has(tag)) violations.push(`<${tag}>`);
    const allowedAttributes = ALLOWED_BODY_ATTRIBUTES[tag] ?? [];
    for (const [name, value] of Object.entries(attribs)) {
      if (!allowedAttributes.includes(name)) violations.push(`${tag}[${name}]`);
      if (name === "href" && safeLinkHref(value) === undefined) violations.push(`${tag}[href=${value}]`);
    }
  }
  if (/<!\[CDATA\[|<!--/i.test(html)) violations.push("comment or CDATA");
  return violations;
}
