import type { BodyDiffBlock, DiffPart } from "@/lib/content/article-diff";

/**
 * Additions and deletions as <ins>/<del>: colour and strike-through for the
 * eye, and spoken "added"/"removed" markers for screen readers (which do not
 * announce ins/del by default).
 */
export function DiffText({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.change === "added" ? (
          <ins key={index} className="diff__ins">
            <span className="visually-hidden">[added: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.change === "removed" ? (
          <del key={index} className="diff__del">
            <span className="visually-hidden">[removed: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </>
  );
}

const BLOCK_LABEL = { added: "New paragraph", removed: "Removed paragraph", changed: "Changed paragraph", same: "" } as const;

/** A body diff, paragraph by paragraph. Unchanged paragraphs are dimmed. */
export function DiffBody({ blocks }: { blocks: readonly BodyDiffBlock[] }) {
  if (blocks.length === 0) return <p className="muted">(empty)</p>;
  return (
    <div className="diff__body">
      {blocks.map((block, index) => (
        <p key={index} className={`diff__block diff__block--${block.change}`}>
          {block.change !== "same" && <span className="visually-hidden">{BLOCK_LABEL[block.change]}: </span>}
          <DiffText parts={block.parts} />
        </p>
      ))}
    </div>
  );
}
