import { contextAround, findPhrase, sentenceAround, trimRange } from "@/lib/content/typo-passage";
import { HEADLINE_PARAGRAPH } from "@/lib/content/typo-report-rules";

/** A spot in the story a reader wants to report, and how to show it back to them. */
export interface ReportTarget {
  paragraphIndex: number;
  charOffset: number;
  selectedText: string;
  contextBefore: string;
  contextAfter: string;
  sentence: { before: string; selected: string; after: string };
}

/**
 * Text blocks as ProseMirror (the editor) counts them: paragraphs and
 * headings, and list items or quotes only where they hold text directly.
 */
const BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote";

interface Block {
  index: number;
  element: Element;
}

/**
 * The story's reportable paragraphs in the page, numbered as reports store
 * them: the headline -1, the lead 0, then the body's text blocks. ArticleView
 * marks the three parts with data-typo-part.
 */
export function reportableBlocks(article: Element): Block[] {
  const blocks: Block[] = [];
  const title = article.querySelector("[data-typo-part='title']");
  const lead = article.querySelector("[data-typo-part='lead']");
  const body = article.querySelector("[data-typo-part='body']");
  if (title) blocks.push({ index: HEADLINE_PARAGRAPH, element: title });
  if (lead) blocks.push({ index: 0, element: lead });
  if (body) {
    const leaves = Array.from(body.querySelectorAll(BLOCKS)).filter((element) => !element.querySelector(BLOCKS));
    leaves.forEach((element, i) => blocks.push({ index: i + 1, element }));
  }
  return blocks;
}

function targetAt(index: number, text: string, rawStart: number, rawEnd: number): ReportTarget | null {
  const { start, end } = trimRange(text, rawStart, rawEnd);
  if (start >= end) return null;
  const context = contextAround(text, start, end);
  return {
    paragraphIndex: index,
    charOffset: start,
    selectedText: text.slice(start, end),
    contextBefore: context.before,
    contextAfter: context.after,
    sentence: sentenceAround(text, start, end),
  };
}

/** Characters of `element`'s text before the boundary (node, offset), which must lie inside it. */
function offsetWithin(element: Element, node: Node, offset: number): number {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The reader's selection as a report target, or null when nothing in the
 * story's text is selected. A selection running over several paragraphs
 * is cut to the paragraph it starts in (or the first one it touches).
 */
export function readSelectionTarget(article: Element, selection: Selection | null): ReportTarget | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer) && !range.intersectsNode(article)) return null;
  const blocks = reportableBlocks(article);
  const block = blocks.find((b) => b.element.contains(range.startContainer)) ?? blocks.find((b) => range.intersectsNode(b.element));
  if (!block) return null;
  const text = block.element.textContent ?? "";
  const start = block.element.contains(range.startContainer) ? offsetWithin(block.element, range.startContainer, range.startOffset) : 0;
  const end = block.element.contains(range.endContainer) ? offsetWithin(block.element, range.endContainer, range.endOffset) : text.length;
  return targetAt(block.index, text, start, end);
}

/** A phrase the reader typed, found in the story (its first occurrence), or null. */
export function findTypedTarget(article: Element, phrase: string): ReportTarget | null {
  const blocks = reportableBlocks(article).map((b) => ({ index: b.index, text: b.element.textContent ?? "" }));
  const match = findPhrase(blocks, phrase);
  if (!match) return null;
  const text = blocks.find((b) => b.index === match.index)?.text ?? "";
  return targetAt(match.index, text, match.start, match.end);
}
