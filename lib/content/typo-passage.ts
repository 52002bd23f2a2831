/**
 * Text work for typo reports, shared by the reader's widget, the server and
 * the editor: pure string functions, no DOM. Positions are UTF-16 indexes
 * into a paragraph's text, as browsers and ProseMirror count them.
 */

/** How much text either side of a selection is kept as its context. */
export const CONTEXT_CHARS = 80;

/** A report's anchor in the story: which paragraph, where, and what surrounds it. */
export interface PassageTarget {
  paragraphIndex: number;
  charOffset: number | null;
  selectedText: string;
  contextBefore: string;
  contextAfter: string;
}

/** One paragraph of the story as the locator sees it (headline -1, lead 0, body 1…). */
export interface PassageBlock {
  index: number;
  text: string;
}

/** Where a passage was found: `start`–`end` within block `index`. */
export interface PassageMatch {
  index: number;
  start: number;
  end: number;
  /** Found where the report said, with its context: not a guess among several. */
  isExact: boolean;
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** For comparing reported text with the story: case, width, spacing and invisible characters ignored. */
export function normaliseForMatch(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim().toLocaleLowerCase("en-US");
}

/** The selection without whitespace at either end (a double-click often takes the space after a word). */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from < to && /\s/.test(text[from] ?? "")) from++;
  while (to > from && /\s/.test(text[to - 1] ?? "")) to--;
  return { start: from, end: to };
}

/** Up to `size` characters either side, widened or cut to a word boundary so no word is left in pieces. */
export function contextAround(text: string, start: number, end: number, size = CONTEXT_CHARS): { before: string; after: string } {
  let from = Math.max(0, start - size);
  // Starting or ending inside a word: drop the fragment.
  if (from > 0 && !/\s/.test(text[from - 1] ?? "")) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < start) from = space + 1;
  }
  let to = Math.min(text.length, end + size);
  if (to < text.length && !/\s/.test(text[to] ?? "")) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

const SENTENCE_END = /[.!?…]["'”’»)]*\s/g;
const MAX_SENTENCE_SIDE = 160;

/**
 * The sentence holding `start`–`end`, split around it, for showing the
 * selection where it stands. Very long sentences are cut with an ellipsis.
 */
export function sentenceAround(text: string, start: number, end: number): { before: string; selected: string; after: string } {
  let from = 0;
  for (const match of text.slice(0, start).matchAll(SENTENCE_END)) from = (match.index ?? 0) + match[0].length;
  let to = text.length;
  const next = new RegExp(SENTENCE_END.source, "g");
  next.lastIndex = end;
  const after = next.exec(text);
  if (after) to = after.index + after[0].trimEnd().length;
  let before = text.slice(from, start);
  let rest = text.slice(end, to);
  if (before.length > MAX_SENTENCE_SIDE) before = `…${before.slice(-MAX_SENTENCE_SIDE).replace(/^\S*\s/, "")}`;
  if (rest.length > MAX_SENTENCE_SIDE) rest = `${rest.slice(0, MAX_SENTENCE_SIDE).replace(/\s\S*$/, "")}…`;
  return { before, selected: text.slice(start, end), after: rest };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A pattern for `phrase` that tolerates any run of whitespace between its words. */
function phrasePattern(phrase: string, flags: string): RegExp | null {
  const words = phrase.replace(INVISIBLE, "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map(escapeRegExp).join("\\s+"), `g${flags}`);
}

interface Occurrence {
  index: number;
  start: number;
  end: number;
  isSameCase: boolean;
}

function findOccurrences(blocks: readonly PassageBlock[], phrase: string): Occurrence[] {
  const found = new Map<string, Occurrence>();
  for (const flags of ["u", "iu"]) {
    const pattern = phrasePattern(phrase, flags);
    if (!pattern) return [];
    for (const block of blocks) {
      for (const match of block.text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const key = `${block.index}:${start}`;
        if (!found.has(key)) found.set(key, { index: block.index, start, end: start + match[0].length, isSameCase: flags === "u" });
      }
    }
  }
  return [...found.values()];
}

/** How many characters two strings share at their ends (`fromEnd`) or starts. */
function sharedLength(a: string, b: string, fromEnd: boolean): number {
  const x = normaliseForMatch(a);
  const y = normaliseForMatch(b);
  let n = 0;
  while (n < x.length && n < y.length && (fromEnd ? x[x.length - 1 - n] === y[y.length - 1 - n] : x[n] === y[n])) n++;
  return n;
}

/**
 * Finds the reported passage in the story as it is now. The text may have
 * moved (paragraphs added, words changed before it), so the paragraph index
 * and offset only break ties: every occurrence of the selected text is
 * scored by its surrounding text, then by paragraph and offset. Null when
 * the text is gone (typically: already fixed).
 */
export function locatePassage(blocks: readonly PassageBlock[], target: PassageTarget): PassageMatch | null {
  let best: { match: PassageMatch; score: number } | null = null;
  for (const occurrence of findOccurrences(blocks, target.selectedText)) {
    const text = blocks.find((b) => b.index === occurrence.index)?.text ?? "";
    const before = sharedLength(text.slice(Math.max(0, occurrence.start - CONTEXT_CHARS), occurrence.start), target.contextBefore, true);
    const after = sharedLength(text.slice(occurrence.end, occurrence.end + CONTEXT_CHARS), target.contextAfter, false);
    const isSameParagraph = occurrence.index === target.paragraphIndex;
    const distance = isSameParagraph && target.charOffset !== null ? Math.abs(occurrence.start - target.charOffset) : 10_000;
    const score = before + after + (isSameParagraph ? 50 : 0) + (occurrence.isSameCase ? 5 : 0) - distance / 10_000;
    const hasContext = before >= Math.min(12, normaliseForMatch(target.contextBefore).length) && after >= Math.min(12, normaliseForMatch(target.contextAfter).length);
    if (!best || score > best.score) {
      best = { match: { index: occurrence.index, start: occurrence.start, end: occurrence.end, isExact: isSameParagraph && hasContext && occurrence.isSameCase }, score };
    }
  }
  return best?.match ?? null;
}

/** The first place a phrase the reader typed appears, for reports made without a selection. */
export function findPhrase(blocks: readonly PassageBlock[], phrase: string): PassageMatch | null {
  const occurrences = findOccurrences(blocks, phrase).sort((a, b) => Number(b.isSameCase) - Number(a.isSameCase) || a.index - b.index || a.start - b.start);
  const first = occurrences[0];
  return first ? { index: first.index, start: first.start, end: first.end, isExact: first.isSameCase } : null;
}
