import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleStatusBadge } from "@/components/admin/article-status-badge";
import { getArticlePreview, listPreviewLinks, type ArticlePreview, type PreviewLinkSummary } from "@/lib/data/previews";
import { NotFoundError } from "@/lib/errors";
import { CreateShareLinkForm } from "./_components/create-share-link-form";
import { ShareLinksTable } from "./_components/share-links-table";
import "./share.css";

export const metadata: Metadata = { title: "Share a preview" };

export default async function SharePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let article: ArticlePreview;
  let links: PreviewLinkSummary[];
  try {
    [article, links] = await Promise.all([getArticlePreview(id), listPreviewLinks(id)]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  return (
    <div className="admin-page share-page">
      <p>
        <Link href="/admin/articles">← Articles</Link>
      </p>
      <h1>Share a preview</h1>
      <p className="share-page__story">
        <strong>{article.title}</strong> <ArticleStatusBadge status={article.status} publishedAt={article.publishedAt} />
      </p>
      <p className="muted">
        Anyone holding a share link can read this story&apos;s current saved text in the site&apos;s layout, without an
        account, until the link expires or is revoked. Send it only to the reviewer who needs it.{" "}
        <a href={`/admin/articles/${article.id}/preview`}>Preview it yourself</a>.
      </p>
      <CreateShareLinkForm articleId={article.id} />
      <h2>Active links</h2>
      <ShareLinksTable articleId={article.id} links={links} />
    </div>
  );
}
