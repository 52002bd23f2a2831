import type { Metadata } from "next";
import Link from "next/link";
import { getRevisionSnapshots, listArticleRevisions } from "@/lib/data/articles/revisions";
import { getEnv } from "@/lib/env";
import { formatNewsroomDateTime } from "@/lib/time";
import { loadForPage } from "../load-article";
import { RevisionDiff } from "./_components/revision-diff";
import { RestoreRevisionButton } from "./_components/restore-revision-button";
import "../../_components/editor/editor.css";
import "../../_components/editor/rich-text.css";
import "../../_components/editor/editor-panels.css";
import { TableHeader } from "@/components/admin/table-header";

export const metadata: Metadata = { title: "History" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const KIND_LABELS = { CREATE: "Created", SAVE: "Saved", RESTORE: "Restored", PUBLISH: "Went out", STATUS: "Status change" } as const;
const STATUS_LABELS = { DRAFT: "Draft", IN_REVIEW: "In review", SCHEDULED: "Scheduled", PUBLISHED: "Published", ARCHIVED: "Unpublished" } as const;

function pickVersion(value: string | undefined, fallback: number | undefined): number | undefined {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Every version of a story: who, when, what; any two compared; any one restored. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { article, revisions } = await loadForPage(id, `/admin/articles/${id}/revisions`, (articleId) => listArticleRevisions(articleId));
  const query = await searchParams;
  const to = pickVersion(query.to, revisions[0]?.version);
  const from = pickVersion(query.from, revisions.find((r) => r.version !== to)?.version);
  const snapshots = from !== undefined && to !== undefined ? await getRevisionSnapshots(id, [from, to]) : [];
  const before = snapshots.find((s) => s.version === from);
  const after = snapshots.find((s) => s.version === to);
  const zone = getEnv().NEWSDESK_TIME_ZONE;

  return (
    <div className="admin-page revisions">
      <p>
        <Link href={`/admin/articles/${id}`}>← Back to the story</Link>
      </p>
      <h1>History: {article.title}</h1>
      <p className="muted">
        Every save and every workflow step keeps a full copy. Restoring an old version makes it the newest one; nothing in this list is ever lost. Times are {zone}.
      </p>
      <form method="get" className="revisions__form">
        <table className="table">
          <caption className="visually-hidden">Versions, newest first</caption>
          <TableHeader columns={["From", "To", "Version", "What", "Who", "When", "Note"]} actionsLabel="Actions" />
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id} data-testid={`revision-${revision.version}`}>
                <td>
                  <input type="radio" name="from" value={revision.version} defaultChecked={revision.version === from} aria-label={`Compare from version ${revision.version}`} />
                </td>
                <td>
                  <input type="radio" name="to" value={revision.version} defaultChecked={revision.version === to} aria-label={`Compare to version ${revision.version}`} />
                </td>
                <td>
                  {revision.version}
                  {revision.version === article.version && <span className="badge">current</span>}
                </td>
                <td>
                  {KIND_LABELS[revision.kind]} · {STATUS_LABELS[revision.status]}
                  <div className="muted">{revision.title}</div>
                </td>
                <td>{revision.createdBy ?? "—"}</td>
                <td>
                  <time dateTime={revision.createdAt.toISOString()}>{formatNewsroomDateTime(revision.createdAt)}</time>
                </td>
                <td>{revision.note}</td>
                <td>
                  {article.canRestore && revision.version !== article.version && (
                    <RestoreRevisionButton articleId={id} baseVersion={article.version} revisionVersion={revision.version} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="button">
          Compare selected versions
        </button>
      </form>
      {before && after ? (
        <RevisionDiff before={before} after={after} />
      ) : (
        <p className="muted">{revisions.length < 2 ? "There is only one version so far." : "Pick two versions to compare."}</p>
      )}
    </div>
  );
}
