import { DiffBody, DiffText } from "@/components/admin/diff-view";
import { diffBody, diffText, hasChanges } from "@/lib/content/article-diff";
import type { RevisionSnapshot } from "@/lib/data/articles/revisions";
import { formatNewsroomDateTime } from "@/lib/time";

const TEXT_FIELDS: { label: string; read: (s: RevisionSnapshot) => string }[] = [
  { label: "Headline", read: (s) => s.title },
  { label: "Slug", read: (s) => s.slug },
  { label: "Lead", read: (s) => s.lead },
  { label: "Summary", read: (s) => s.summary ?? "" },
  { label: "Section", read: (s) => s.sectionName ?? "" },
  { label: "Tags", read: (s) => s.tagNames.join(", ") },
  { label: "Byline", read: (s) => s.byline ?? "" },
  { label: "Source attribution", read: (s) => s.sourceAttribution ?? "" },
  { label: "SEO title", read: (s) => s.seoTitle ?? "" },
  { label: "SEO description", read: (s) => s.seoDescription ?? "" },
  { label: "Publication time", read: (s) => (s.publishedAt ? formatNewsroomDateTime(s.publishedAt) : "") },
];

/** What changed from one version to another, field by field; unchanged fields are listed, not shown. */
export function RevisionDiff({ before, after }: { before: RevisionSnapshot; after: RevisionSnapshot }) {
  const changed = TEXT_FIELDS.map((field) => ({ ...field, parts: diffText(field.read(before), field.read(after)) })).filter((field) => hasChanges(field.parts));
  const body = diffBody(before.body, after.body);
  const isBodyChanged = hasChanges(body);
  return (
    <section className="revision-diff" aria-labelledby="diff-title">
      <h2 id="diff-title">
        Changes from version {before.version} to version {after.version}
      </h2>
      <p className="muted">
        <ins className="diff__ins">Added text</ins> and <del className="diff__del">removed text</del> are marked.
      </p>
      {changed.length === 0 && !isBodyChanged && <p>These two versions have the same text.</p>}
      {changed.map((field) => (
        <div key={field.label} className="revision-diff__field">
          <h3>{field.label}</h3>
          <p className="diff__text">
            <DiffText parts={field.parts} />
          </p>
        </div>
      ))}
      {isBodyChanged && (
        <div className="revision-diff__field">
          <h3>Body</h3>
          <DiffBody blocks={body} />
        </div>
      )}
    </section>
  );
}
