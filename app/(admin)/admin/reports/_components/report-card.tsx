import type { ReactNode } from "react";
import Link from "next/link";
import { ReportedPassage } from "@/components/admin/reported-passage";
import type { TypoReportView } from "@/lib/data/typo-reports/report-queue";
import { formatNewsroomDateTime } from "@/lib/time";
import { describeParagraph, STATUS_TAB_LABEL } from "../_lib/report-query";
import { ReportDecisionForm } from "./report-decision-form";

interface Props {
  report: TypoReportView;
  canDecide: boolean;
  candidates: { id: string; label: string }[];
  returnTo: string;
  storyFilterHref: string;
}

/** One report in the queue: where, what, what the reader suggests, what was decided, and the ways to act on it. */
export function ReportCard({ report, canDecide, candidates, returnTo, storyFilterHref }: Props) {
  const titleId = `report-${report.id}-title`;
  return (
    <li>
      <article className="report-card" aria-labelledby={titleId} data-report-id={report.id}>
        <header className="report-card__header">
          <h2 id={titleId} className="report-card__title">
            <Link href={`/admin/articles/${report.article.id}`}>{report.article.title}</Link>
          </h2>
          <span className="badge">{STATUS_TAB_LABEL[report.status]}</span>
          {report.reportCount > 1 && <span className="badge badge--count">Reported {report.reportCount} times</span>}
        </header>
        <p className="report-card__meta muted">
          {describeParagraph(report.paragraphIndex)} · story by {report.article.authorName} · reported{" "}
          <time dateTime={report.createdAt.toISOString()}>{formatNewsroomDateTime(report.createdAt)}</time>
          {report.reportedVersion !== null && <> on version {report.reportedVersion}</>}
        </p>
        <ReportedPassage report={report} />
        {report.comment && (
          <p className="report-card__comment">
            <span className="label">Reader’s comment:</span> {report.comment}
          </p>
        )}
        {report.status !== "NEW" && <Decision report={report} />}
        <p className="report-card__links">
          <Link href={`/admin/articles/${report.article.id}?report=${report.id}`} className="button button--small button--primary">
            Open in editor
          </Link>
          {report.article.publicPath && <a href={report.article.publicPath}>View on the site</a>}
          <Link href={storyFilterHref}>All reports on this story</Link>
        </p>
        {canDecide && <ReportDecisionForm reportId={report.id} isOpen={report.status === "NEW"} candidates={candidates} returnTo={returnTo} />}
      </article>
    </li>
  );
}

function Decision({ report }: { report: TypoReportView }) {
  const when = report.decidedAt ? formatNewsroomDateTime(report.decidedAt) : null;
  const who = [report.decidedBy ? `by ${report.decidedBy}` : null, when ? `on ${when}` : null].filter(Boolean).join(" ");
  let what: ReactNode = `${STATUS_TAB_LABEL[report.status]} ${who}.`;
  if (report.status === "ACCEPTED") {
    what =
      report.fixVersion !== null ? (
        <>
          Accepted {who}: fixed in{" "}
          <Link href={`/admin/articles/${report.article.id}/revisions`}>version {report.fixVersion}</Link>.
        </>
      ) : (
        `Accepted ${who}, without a change of its own (already fixed).`
      );
  }
  if (report.status === "DUPLICATE" && report.duplicateOf) what = <>Marked {who} as a duplicate of the report of “{report.duplicateOf.selectedText}”.</>;
  return <p className="report-card__decision">{what}</p>;
}
