import { Fragment } from "react";
import { decodeHtmlEntities } from "@/lib/html";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/data/public-search";

/**
 * Search text with <mark> around matches. The database wraps matches in
 * private-use markers; everything else is rendered as text (React escapes
 * it), so neither the query nor the story can inject markup.
 */
export function HighlightedText({ text }: { text: string }) {
  const parts: { text: string; isMatch: boolean }[] = [];
  for (const [index, chunk] of decodeHtmlEntities(text).split(HIGHLIGHT_START).entries()) {
    if (index === 0) {
      parts.push({ text: chunk.replaceAll(HIGHLIGHT_END, ""), isMatch: false });
      continue;
    }
    const end = chunk.indexOf(HIGHLIGHT_END);
    const match = end === -1 ? chunk : chunk.slice(0, end);
    const rest = end === -1 ? "" : chunk.slice(end + HIGHLIGHT_END.length).replaceAll(HIGHLIGHT_END, "");
    parts.push({ text: match, isMatch: true }, { text: rest, isMatch: false });
  }
  return (
    <>
      {parts.map((part, index) =>
        part.isMatch ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
