import type { Node as PmNode } from "@tiptap/pm/model";
import type { Editor } from "@tiptap/react";
import { locatePassage, type PassageBlock, type PassageMatch, type PassageTarget } from "@/lib/content/typo-passage";
import { HEADLINE_PARAGRAPH } from "@/lib/content/typo-report-rules";
import type { DocRange } from "./report-highlight";

/** Where a reported passage is in the editor now. */
export type ReportLocation =
  | { part: "title" | "lead"; match: PassageMatch }
  | { part: "body"; match: PassageMatch; range: DocRange; paragraph: number };

interface BodyBlock extends PassageBlock {
  node: PmNode;
  pos: number;
}

/** The body's text blocks numbered as reports number them (after the lead: 1, 2, …). */
function bodyBlocks(doc: PmNode): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ index: blocks.length + 1, text: node.textContent, node, pos });
    return false;
  });
  return blocks;
}

/** The document position of the `offset`-th character of a text block's text. */
function positionOf(block: BodyBlock, offset: number): number {
  let seen = 0;
  let found: number | null = null;
  block.node.forEach((child, childOffset) => {
    if (found !== null || !child.isText) return;
    const length = child.text?.length ?? 0;
    if (offset <= seen + length) found = block.pos + 1 + childOffset + (offset - seen);
    seen += length;
  });
  return found ?? block.pos + 1 + block.node.content.size;
}

/**
 * Finds the report in the story as the editor holds it now: the headline,
 * the lead, or a body text block (see lib/content/typo-passage.ts for how
 * moved text is followed). Null when the text is no longer there.
 */
export function locateReport(target: PassageTarget, fields: { title: string; lead: string }, editor: Editor | null): ReportLocation | null {
  const body = editor ? bodyBlocks(editor.state.doc) : [];
  const blocks: PassageBlock[] = [{ index: HEADLINE_PARAGRAPH, text: fields.title }, { index: 0, text: fields.lead }, ...body];
  const match = locatePassage(blocks, target);
  if (!match) return null;
  if (match.index === HEADLINE_PARAGRAPH) return { part: "title", match };
  if (match.index === 0) return { part: "lead", match };
  const block = body.find((b) => b.index === match.index);
  if (!block) return null;
  return { part: "body", match, paragraph: match.index, range: { from: positionOf(block, match.start), to: positionOf(block, match.end) } };
}
