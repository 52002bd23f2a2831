import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticleForEdit, listSectionOptions } from "@/lib/data/articles/editor-article";
import { getEnv } from "@/lib/env";
import { ArticleEditor } from "../_components/editor/article-editor";
import { toEditorInitial } from "../_components/editor/editor-initial";
import { languageOptions } from "../_components/editor/languages";
import { loadForPage } from "./load-article";

export const metadata: Metadata = { title: "Edit story" };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const article = await loadForPage(id, `/admin/articles/${id}`, getArticleForEdit);
  const [user, sections] = await Promise.all([getCurrentUser(), listSectionOptions()]);
  const env = getEnv();
  return (
    <div className="admin-page">
      <ArticleEditor
        // A different story is a different editor: never carry state across.
        key={article.id}
        mode="edit"
        userId={user?.id ?? ""}
        timeZone={env.NEWSDESK_TIME_ZONE}
        sections={sections}
        languages={languageOptions(env.NEWSDESK_LANGUAGE, article.fields.language)}
        initial={toEditorInitial(article)}
      />
    </div>
  );
}
