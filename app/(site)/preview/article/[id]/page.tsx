import type { Metadata } from "next";
import { draftMode } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { ArticleView } from "@/components/site/article-view";
import { PreviewBanner } from "@/components/site/preview-banner";
import { getCurrentUser } from "@/lib/auth/session";
import { getArticlePreview, type ArticlePreview } from "@/lib/data/previews";
import { listLatestArticles } from "@/lib/data/public-articles";
import { NotFoundError } from "@/lib/errors";
import { exitPreview } from "./actions";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

/**
 * A draft in the public layout. Needs draft mode (turned on by
 * /admin/articles/<id>/preview) and a live session that may view the story:
 * a leftover draft-mode cookie after sign-out shows nothing.
 */
export default async function DraftPreviewPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const startPath = `/admin/articles/${encodeURIComponent(id)}/preview`;
  if (!(await getCurrentUser())) redirect(`/login?callbackUrl=${encodeURIComponent(startPath)}`);
  if (!(await draftMode()).isEnabled) {
    return (
      <div className="not-found">
        <h1>Preview mode is off</h1>
        <p>
          <a href={startPath}>Open the preview again</a> from the newsroom.
        </p>
      </div>
    );
  }
  let article: ArticlePreview;
  try {
    article = await getArticlePreview(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const latest = await listLatestArticles({ limit: 12, excludeId: article.id });
  return (
    <>
      <PreviewBanner status={article.status} publishedAt={article.publishedAt}>
        <a href={`/admin/articles/${article.id}`}>Back to editing</a>
        <form action={exitPreview.bind(null, article.id)}>
          <button type="submit">Exit preview</button>
        </form>
      </PreviewBanner>
      <ArticleView article={article} latest={latest} />
    </>
  );
}
