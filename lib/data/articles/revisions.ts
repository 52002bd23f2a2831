import "server-only";
import { canRestoreRevision } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import { ForbiddenError, NotFoundError } from "../../errors";
import type { ArticleStatus, RevisionKind } from "../../generated/prisma/enums";
import { articleFacts, conflictFor, loadVisibleArticle, updateAtVersion } from "./article-access";
import { replaceArticleTags } from "./article-content";
import { type ArticleRecord, loadArticleRecord, writeRevision } from "./article-record";
import { recordArticleAudit } from "./audit";

/** One line of a story's history. */
export interface RevisionSummary {
  id: string;
  version: number;
  kind: RevisionKind;
  status: ArticleStatus;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
  title: string;
}

/** A full snapshot, as the diff view compares them. */
export interface RevisionSnapshot extends RevisionSummary {
  slug: string;
  summary: string | null;
  lead: string;
  body: string;
  sectionName: string | null;
  byline: string | null;
  sourceAttribution: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  publishedAt: Date | null;
  tagNames: string[];
}

const summarySelect = {
  id: true,
  version: true,
  kind: true,
  status: true,
  note: true,
  createdAt: true,
  title: true,
  createdBy: { select: { name: true } },
} as const;

/** The story's revisions, newest first (at most `limit`). Visible to whoever may see the story. */
export async function listArticleRevisions(
  articleId: string,
  limit = 200,
): Promise<{ article: { id: string; title: string; version: number; canRestore: boolean }; revisions: RevisionSummary[] }> {
  const user = await requireUser();
  const article = await loadVisibleArticle(db, articleId, user);
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { version: "desc" },
    take: Math.min(Math.max(limit, 1), 500),
    select: summarySelect,
  });
  return {
    article: { id: article.id, title: article.title, version: article.version, canRestore: canRestoreRevision(user, articleFacts(article)) },
    revisions: rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null })),
  };
}

/** Full snapshots of the given versions of one story (missing versions are left out). */
export async function getRevisionSnapshots(articleId: string, versions: number[]): Promise<RevisionSnapshot[]> {
  const user = await requireUser();
  await loadVisibleArticle(db, articleId, user);
  const rows = await db.articleRevision.findMany({
    where: { articleId, version: { in: versions } },
    select: {
      ...summarySelect,
      slug: true,
      summary: true,
      lead: true,
      body: true,
      categoryId: true,
      byline: true,
      sourceAttribution: true,
      seoTitle: true,
      seoDescription: true,
      publishedAt: true,
      tagNames: true,
    },
  });
  const sections = await db.category.findMany({ where: { id: { in: rows.map((r) => r.categoryId) } }, select: { id: true, name: true } });
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  return rows.map(({ createdBy, categoryId, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null, sectionName: sectionName.get(categoryId) ?? null }));
}

/**
 * Brings back an older version's text as a new version (kind RESTORE): the
 * current text stays in the history, so restoring loses nothing. The slug,
 * status and publication time stay as they are: a restore changes what the
 * story says, not where it lives or whether it is out.
 */
export async function restoreArticleRevision(input: { id: string; baseVersion: number; revisionVersion: number }): Promise<{ version: number; status: ArticleStatus }> {
  const user = await requireUser();
  return db.$transaction(async (tx) => {
    const now = new Date();
    const record = await loadVisibleArticle(tx, input.id, user);
    const facts = articleFacts(record, now);
    if (!canRestoreRevision(user, facts)) throw new ForbiddenError("You cannot change this story now");
    if (record.version !== input.baseVersion) throw await conflictFor(tx, input.id);
    const revision = await tx.articleRevision.findUnique({ where: { articleId_version: { articleId: input.id, version: input.revisionVersion } } });
    if (!revision) throw new NotFoundError("That version does not exist");
    const sectionStillExists = await tx.category.findUnique({ where: { id: revision.categoryId }, select: { id: true } });
    await updateAtVersion(tx, record.id, input.baseVersion, {
      title: revision.title,
      summary: revision.summary,
      lead: revision.lead,
      body: revision.body,
      categoryId: sectionStillExists ? revision.categoryId : record.categoryId,
      byline: revision.byline,
      sourceAttribution: revision.sourceAttribution,
      seoTitle: revision.seoTitle,
      seoDescription: revision.seoDescription,
      status: facts.status,
      ...(facts.status === "PUBLISHED" ? { contentUpdatedAt: now } : {}),
    });
    await replaceArticleTags(tx, record.id, revision.tagNames);
    const updated = (await loadArticleRecord(tx, record.id)) as ArticleRecord;
    const note = `Restored version ${revision.version}`;
    await writeRevision(tx, updated, { kind: "RESTORE", userId: user.id, note });
    await recordArticleAudit(tx, {
      actorId: user.id,
      action: "article.restore_revision",
      articleId: record.id,
      fromState: record.status,
      toState: updated.status,
      data: { version: updated.version, restoredVersion: revision.version },
    });
    return { version: updated.version, status: updated.status };
  });
}
