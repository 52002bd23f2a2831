import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ArticleView } from "@/components/site/article-view";
import { PreviewBanner } from "@/components/site/preview-banner";
import { getSharedArticlePreview } from "@/lib/data/previews";
import { listLatestArticles } from "@/lib/data/public-articles";

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/**
 * A share link for an outside reviewer: the story's current saved text in the
 * public layout, no account needed, until the link expires or is revoked
 * (then the ordinary "not found" page).
 */
export default async function SharedPreviewPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const shared = await getSharedArticlePreview((await params).token);
  if (!shared) notFound();
  const { article, expiresAt } = shared;
  const latest = await listLatestArticles({ limit: 12, excludeId: article.id });
  return (
    <>
      <PreviewBanner status={article.status} publishedAt={article.publishedAt} expiresAt={expiresAt} />
      <ArticleView article={article} latest={latest} />
    </>
  );
}
