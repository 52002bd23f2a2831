import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleForEdit, listSectionOptions } from "@/lib/data/articles/editor-article";
import { type EditorTypoReport, getTypoReportForEditor } from "@/lib/data/typo-reports/editor-report";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { ArticleEditor } from "../_components/editor/article-editor";
import { toEditorInitial } from "../_components/editor/editor-initial";
import type { EditorReport } from "../_components/editor/typo-report-panel";
import { languageOptions } from "../_components/editor/languages";
import { loadForPage } from "./load-article";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ report?: string | string[] }> };

/** The reader's report named in the address, when it is on this story and the user may see it. */
async function loadReport(reportId: string | string[] | undefined, articleId: string): Promise<EditorTypoReport | "missing" | null> {
  if (typeof reportId !== "string" || !reportId) return null;
  try {
    return await getTypoReportForEditor(reportId, articleId);
  } catch (error) {
    if (error instanceof NotFoundError) return "missing";
    throw error;
  }
}

function toEditorReport(report: EditorTypoReport["report"]): EditorReport {
  const { id, status, selectedText, contextBefore, contextAfter, paragraphIndex, charOffset, suggestion, comment, language, reportCount } = report;
  return {
    id, status, selectedText, contextBefore, contextAfter, paragraphIndex, charOffset, suggestion, comment, language, reportCount,
    createdAt: report.createdAt.toISOString(),
    reportedVersion: report.reportedVersion,
    fixVersion: report.fixVersion,
    decidedBy: report.decidedBy,
  };
}

export default async function EditArticlePage({ params, searchParams }: Props) {
  const { id } = await params;
  const article = await loadForPage(id, `/admin/articles/${id}`, getArticleForEdit);
  const [user, sections, opened] = await Promise.all([getCurrentUser(), listSectionOptions(), loadReport((await searchParams).report, article.id)]);
  const env = getEnv();
  const typoReport = opened && opened !== "missing" ? { canDecide: opened.canDecide, report: toEditorReport(opened.report) } : null;
  return (
    <div className="admin-page">
      {opened === "missing" && (
        <p className="form__error" role="alert">
          That typo report does not exist or is not about this story.
        </p>
      )}
      <ArticleEditor
        // A different story is a different editor: never carry state across.
        key={article.id}
        mode="edit"
        userId={user?.id ?? ""}
        timeZone={env.NEWSDESK_TIME_ZONE}
        sections={sections}
        languages={languageOptions(env.NEWSDESK_LANGUAGE, article.fields.language)}
        initial={toEditorInitial(article)}
        typoReport={typoReport}
      />
    </div>
  );
}
