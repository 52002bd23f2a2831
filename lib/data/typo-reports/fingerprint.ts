import { createHash } from "node:crypto";
import { normaliseForMatch } from "../../content/typo-passage";

/** How much of the text just before a selection tells two equal words in one paragraph apart. */
const LEADING_CONTEXT = 24;

/**
 * "The same spot" in a story, independent of its revision: the story, the
 * paragraph, the selected text and the few words just before it, compared
 * ignoring case and spacing. Edits elsewhere in the story (or earlier in
 * the paragraph) leave it unchanged; two readers selecting the same word
 * there get the same fingerprint.
 */
export function typoReportFingerprint(report: { articleId: string; paragraphIndex: number; selectedText: string; contextBefore: string }): string {
  const lead = normaliseForMatch(report.contextBefore).slice(-LEADING_CONTEXT);
  return createHash("sha256")
    .update([report.articleId, String(report.paragraphIndex), normaliseForMatch(report.selectedText), lead].join("\u0000"))
    .digest("base64url");
}
