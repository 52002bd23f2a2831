import type { Metadata } from "next";
import Link from "next/link";
import { countTypoReportsByStatus, listDuplicateCandidates, listReportedArticles, listTypoReports } from "@/lib/data/typo-reports/report-queue";
import { formatNewsroomDateTime } from "@/lib/time";
import { ReportCard } from "./_components/report-card";
import { ReportTabs } from "./_components/report-tabs";
import { parseReportQuery, reportListHref, STATUS_TAB_LABEL } from "./_lib/report-query";
import "./reports.css";

export const metadata: Metadata = { title: "Typo reports" };

type SearchParams = Record<string, string | string[] | undefined>;

const DONE: Record<string, string> = {
  "accept-as-is": "Report accepted.",
  "accept-fix": "Report accepted and linked to its fix.",
  reject: "Report rejected.",
  duplicate: "Report marked as a duplicate.",
  reopen: "Report reopened.",
};

/**
 * The editors' queue of reader typo reports: one tab per status, newest
 * first, optionally one story's. Editors and admins see and decide every
 * report; authors see those on their own stories (the data-access layer
 * decides, not this page).
 */
export default async function TypoReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const query = parseReportQuery(params);
  const [page, counts, stories] = await Promise.all([listTypoReports(query), countTypoReportsByStatus({ articleId: query.articleId }), listReportedArticles()]);
  const candidates = page.canDecide ? await listDuplicateCandidates(page.reports.filter((r) => r.status === "NEW").map((r) => r.article.id)) : [];
  const done = typeof params.done === "string" ? DONE[params.done] : undefined;
  const here = reportListHref(query, { after: query.after });
  const storyTitle = stories.find((s) => s.id === query.articleId)?.title;

  return (
    <div className="admin-page reports-page">
      <header className="page-header">
        <h1>Typo reports</h1>
      </header>
      <p className="muted">
        Mistakes readers reported with Ctrl+Enter on the site, tied to the spot in the version they read.
        {page.canDecide ? " Open one in the editor to see it highlighted, fix it and accept it in one go." : " Editors decide them; you see the reports on your own stories."}
      </p>
      {done && (
        <p className="form__success" role="status">
          {done}
        </p>
      )}
      <form method="get" className="list-filters reports-filter" aria-label="Filter reports">
        {query.status !== "NEW" && <input type="hidden" name="status" value={query.status.toLowerCase()} />}
        <div className="field">
          <label htmlFor="report-story">Story</label>
          <select id="report-story" name="article" defaultValue={query.articleId ?? ""}>
            <option value="">All stories</option>
            {stories.map((story) => (
              <option key={story.id} value={story.id}>
                {story.title}
              </option>
            ))}
          </select>
        </div>
        <div className="list-filters__actions">
          <button type="submit" className="button">
            Filter
          </button>
          {query.articleId && (
            <Link href={reportListHref(query, { articleId: undefined })} className="button button--ghost">
              All stories
            </Link>
          )}
        </div>
      </form>
      <ReportTabs query={query} counts={counts} />
      {page.reports.length === 0 ? (
        <p className="list-empty">
          No {STATUS_TAB_LABEL[query.status].toLowerCase()} reports{storyTitle ? ` on “${storyTitle}”` : ""}.
        </p>
      ) : (
        <ol className="report-list" aria-label={`${STATUS_TAB_LABEL[query.status]} reports`}>
          {page.reports.map((report) => (
            <ReportCard
              key={report.id}
              report={report}
              canDecide={page.canDecide}
              returnTo={here}
              storyFilterHref={reportListHref(query, { articleId: report.article.id })}
              candidates={candidates
                .filter((c) => c.articleId === report.article.id && c.id !== report.id)
                .map((c) => ({ id: c.id, label: `“${c.selectedText}” (${formatNewsroomDateTime(c.createdAt)})` }))}
            />
          ))}
        </ol>
      )}
      <nav className="list-pagination" aria-label="Pages">
        {query.after && <Link href={reportListHref(query)}>Newest reports</Link>}
        {page.nextCursor && <Link href={reportListHref(query, { after: page.nextCursor })}>Older reports</Link>}
      </nav>
    </div>
  );
}
