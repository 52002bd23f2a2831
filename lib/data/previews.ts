import "server-only";
import { effectiveListStatus, type ListStatus } from "../article-status";
import { canSharePreview, canViewArticle } from "../auth/permissions";
import { requireUser } from "../auth/session";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { PREVIEW_LINK_LIFETIMES, type PreviewLinkLifetime } from "../validations/preview-link";
import { recordArticleAudit } from "./articles/audit";
import { createPreviewToken, hashPreviewToken, isWellFormedPreviewToken } from "./preview-token";

/** A story as its preview renders it: the current saved text, whatever its status. */
export interface ArticlePreview {
  id: string;
  title: string;
  slug: string;
  language: string;
  summary: string | null;
  lead: string;
  /** Sanitised on save; safe to render as HTML. */
  body: string;
  status: ListStatus;
  /** Publication (or scheduled) instant; null for a draft without one. */
  publishedAt: Date | null;
  updatedAt: Date | null;
  byline: string;
  sourceAttribution: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  section: { name: string; slug: string };
  author: { name: string; slug: string };
  tags: { name: string; slug: string }[];
}

/** An active share link as the share panel lists it (never the token). */
export interface PreviewLinkSummary {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  createdBy: string;
}

const previewSelect = {
  id: true,
  title: true,
  slug: true,
  language: true,
  summary: true,
  lead: true,
  body: true,
  status: true,
  publishedAt: true,
  contentUpdatedAt: true,
  byline: true,
  sourceAttribution: true,
  seoTitle: true,
  seoDescription: true,
  imageUrl: true,
  imageAlt: true,
  authorId: true,
  category: { select: { name: true, slug: true } },
  author: { select: { name: true, slug: true } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true, slug: true } } } },
} satisfies Prisma.ArticleSelect;

type PreviewRow = Prisma.ArticleGetPayload<{ select: typeof previewSelect }>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toPreview(row: PreviewRow): ArticlePreview {
  const { category, tags, contentUpdatedAt, authorId: _authorId, status, ...rest } = row;
  return {
    ...rest,
    status: effectiveListStatus(status, row.publishedAt),
    updatedAt: contentUpdatedAt && row.publishedAt && contentUpdatedAt > row.publishedAt ? contentUpdatedAt : null,
    byline: row.byline ?? row.author.name,
    section: category,
    tags: tags.map((t) => t.tag),
  };
}

/** The article if the signed-in user may see it; otherwise it does not exist. */
async function findViewableArticle(id: string) {
  const user = await requireUser();
  if (!UUID.test(id)) throw new NotFoundError();
  const row = await db.article.findUnique({ where: { id }, select: previewSelect });
  if (!row || !canViewArticle(user, row)) throw new NotFoundError();
  return { user, row };
}

/**
 * A story in preview for a signed-in user who may view it. A story they may
 * not see raises NotFoundError, exactly like a missing one.
 */
export async function getArticlePreview(id: string): Promise<ArticlePreview> {
  return toPreview((await findViewableArticle(id)).row);
}

/** A new share link; the token is returned this once and never stored. */
export interface CreatedPreviewLink {
  id: string;
  token: string;
  expiresAt: Date;
}

/**
 * Creates an expiring link an outside reviewer can open without an account.
 * Expired links of the story are cleared on the way.
 */
export async function createPreviewLink(articleId: string, lifetime: PreviewLinkLifetime): Promise<CreatedPreviewLink> {
  const { user, row } = await findViewableArticle(articleId);
  if (!canSharePreview(user, row)) throw new NotFoundError();
  const token = createPreviewToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + PREVIEW_LINK_LIFETIMES[lifetime].seconds * 1000);
  const link = await db.$transaction(async (tx) => {
    await tx.previewLink.deleteMany({ where: { articleId, expiresAt: { lte: now } } });
    const created = await tx.previewLink.create({
      data: { tokenHash: hashPreviewToken(token), articleId, createdById: user.id, expiresAt },
      select: { id: true },
    });
    await recordArticleAudit(tx, {
      actorId: user.id,
      action: "article.preview_link_create",
      articleId,
      data: { linkId: created.id, expiresAt: expiresAt.toISOString(), lifetime },
    });
    return created;
  });
  return { id: link.id, token, expiresAt };
}

/** The story's share links that still work, newest first. */
export async function listPreviewLinks(articleId: string): Promise<PreviewLinkSummary[]> {
  const { user, row } = await findViewableArticle(articleId);
  if (!canSharePreview(user, row)) throw new NotFoundError();
  const links = await db.previewLink.findMany({
    where: { articleId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
  });
  return links.map((l) => ({ id: l.id, createdAt: l.createdAt, expiresAt: l.expiresAt, createdBy: l.createdBy.name }));
}

/** Ends a share link at once. Unknown or foreign links raise NotFoundError. */
export async function revokePreviewLink(articleId: string, linkId: string): Promise<void> {
  const { user, row } = await findViewableArticle(articleId);
  if (!canSharePreview(user, row) || !UUID.test(linkId)) throw new NotFoundError();
  await db.$transaction(async (tx) => {
    const removed = await tx.previewLink.deleteMany({ where: { id: linkId, articleId } });
    if (removed.count === 0) throw new NotFoundError();
    await recordArticleAudit(tx, { actorId: user.id, action: "article.preview_link_revoke", articleId, data: { linkId } });
  });
}

/**
 * What a share link shows: the story's current saved text until the link
 * expires or is revoked. No session is involved; the token is the key.
 * Unknown, malformed, expired and revoked tokens all give null.
 */
export async function getSharedArticlePreview(token: string): Promise<{ article: ArticlePreview; expiresAt: Date } | null> {
  if (!isWellFormedPreviewToken(token)) return null;
  const link = await db.previewLink.findUnique({
    where: { tokenHash: hashPreviewToken(token) },
    select: { expiresAt: true, article: { select: previewSelect } },
  });
  if (!link || link.expiresAt.getTime() <= Date.now()) return null;
  return { article: toPreview(link.article), expiresAt: link.expiresAt };
}
