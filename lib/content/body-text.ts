/**
 * Plain text out of a *sanitised* article body, block by block, for diffs,
 * "is the body empty?" checks and conflict views. Pure string work (no DOM),
 * so it runs the same on the server and in the browser; it relies on the
 * well-formed markup the sanitiser emits, not on arbitrary HTML.
 */
const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", "#39": "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (match, name: string) => {
    if (name[0] === "#") {
      const code = name[1]?.toLowerCase() === "x" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? match;
  });
}

const BLOCK_END = /<\/(?:p|h2|h3|h4|li|blockquote|pre)>|<hr\s*\/?>/gi;

/** The body's text blocks (paragraphs, headings, list items), in order, empty ones dropped. */
export function bodyToTextBlocks(html: string): string[] {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<li[^>]*>/gi, "• ")
    .split(BLOCK_END)
    .map((part) => decodeEntities(part.replace(/<[^>]*>/g, "")).replace(/[ \t\r\f\u00a0]+/g, " ").trim())
    .filter((block) => block !== "" && block !== "•");
}

/** The body as one plain-text string, blocks separated by blank lines. */
export function bodyToPlainText(html: string): string {
  return bodyToTextBlocks(html).join("\n\n");
}

/** True when the body has no readable text. */
export function isBodyEmpty(html: string): boolean {
  return bodyToPlainText(html).trim() === "";
}

/** Words in the body, for the editor's counter. */
export function countWords(text: string): number {
  const words = text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}
