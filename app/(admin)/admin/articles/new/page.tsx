import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { canPublishArticle, canScheduleArticle, canSubmitArticleForReview } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { listSectionOptions } from "@/lib/data/articles/editor-article";
import { getEnv } from "@/lib/env";
import { emptyArticleFields } from "@/lib/validations/article";
import { ArticleEditor } from "../_components/editor/article-editor";
import { languageOptions } from "../_components/editor/languages";

export const metadata: Metadata = { title: "New story" };

export default async function NewArticlePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?callbackUrl=/admin/articles/new");
  const env = getEnv();
  const sections = await listSectionOptions();
  // The draft this page will create: the user's own, in DRAFT.
  const draft = { authorId: user.id, status: "DRAFT" as const };
  return (
    <div className="admin-page">
      <ArticleEditor
        mode="new"
        userId={user.id}
        timeZone={env.NEWSDESK_TIME_ZONE}
        sections={sections}
        languages={languageOptions(env.NEWSDESK_LANGUAGE)}
        initial={{
          articleId: null,
          version: 1,
          status: "DRAFT",
          effectiveStatus: "DRAFT",
          fields: emptyArticleFields(env.NEWSDESK_LANGUAGE),
          publishedAt: null,
          publicPath: null,
          authorName: user.name,
          permissions: {
            canEdit: true,
            canSubmit: canSubmitArticleForReview(user, draft),
            canPublish: canPublishArticle(user, draft),
            canSchedule: canScheduleArticle(user, draft),
            canUnpublish: false,
            canReturnToDraft: false,
            canRestore: false,
            canTakeOver: false,
            canSetPublicationTime: canPublishArticle(user, draft),
          },
          autosave: null,
          returnNote: null,
        }}
      />
    </div>
  );
}
