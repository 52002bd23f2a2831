import { diffArrays, diffWordsWithSpace } from "diff";
import { bodyToTextBlocks } from "./body-text";

/** A run of text that is in both versions, only the new one, or only the old one. */
export interface DiffPart {
  value: string;
  change: "same" | "added" | "removed";
}

/**
 * Word diff of two plain texts, old → new. A rewrite (most of the text
 * changed) reads better as the old text struck out followed by the new one
 * than as a word-by-word zebra, so it is shown that way.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before === "" ? [] : [{ value: before, change: "same" }];
  const parts: DiffPart[] = diffWordsWithSpace(before, after).map((part) => ({
    value: part.value,
    change: part.added ? "added" : part.removed ? "removed" : "same",
  }));
  const kept = parts.filter((p) => p.change === "same" && p.value.trim() !== "").reduce((sum, p) => sum + p.value.length, 0);
  if (kept < 0.4 * Math.max(before.length, after.length)) {
    return [
      ...(before ? [{ value: before, change: "removed" as const }] : []),
      ...(after ? [{ value: after, change: "added" as const }] : []),
    ];
  }
  return parts;
}

/** One block of a body diff: a paragraph kept, added, removed, or changed word by word. */
export interface BodyDiffBlock {
  change: "same" | "added" | "removed" | "changed";
  parts: DiffPart[];
}

/**
 * Paragraph-aware body diff: paragraphs are lined up first, then a changed
 * paragraph is diffed word by word, so an edit reads as an edit and not as
 * one paragraph deleted and another added.
 */
export function diffBody(beforeHtml: string, afterHtml: string): BodyDiffBlock[] {
  const blocks: BodyDiffBlock[] = [];
  let pendingRemoved: string[] = [];
  const flushRemoved = () => {
    for (const value of pendingRemoved) blocks.push({ change: "removed", parts: [{ value, change: "removed" }] });
    pendingRemoved = [];
  };
  for (const part of diffArrays(bodyToTextBlocks(beforeHtml), bodyToTextBlocks(afterHtml))) {
    if (part.removed) {
      flushRemoved();
      pendingRemoved = [...part.value];
    } else if (part.added) {
      // Pair removed and added paragraphs one to one: those are edits.
      for (const value of part.value) {
        const previous = pendingRemoved.shift();
        blocks.push(previous === undefined ? { change: "added", parts: [{ value, change: "added" }] } : { change: "changed", parts: diffText(previous, value) });
      }
      flushRemoved();
    } else {
      flushRemoved();
      for (const value of part.value) blocks.push({ change: "same", parts: [{ value, change: "same" }] });
    }
  }
  flushRemoved();
  return blocks;
}

/** True when the diff shows any change at all. */
export function hasChanges(parts: readonly DiffPart[] | readonly BodyDiffBlock[]): boolean {
  return parts.some((part) => part.change !== "same");
}
