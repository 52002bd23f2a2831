import "server-only";
import { canCreateArticle, canEditArticle, canPublishArticle } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import { ForbiddenError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import type { ArticleStatus } from "../../generated/prisma/enums";
import type { ArticleSaveFields } from "../../validations/article";
import { articleFacts, conflictFor, loadVisibleArticle, updateAtVersion } from "./article-access";
import { slugify } from "../../slug";
import { articlePath, sectionPath } from "../../urls";
import { type ResolvedContent, replaceArticleTags, resolveContent, SlugTakenError } from "./article-content";
import { type ArticleRecord, loadArticleRecord, writeRevision } from "./article-record";
import { recordArticleAudit } from "./audit";
import { findFreeSlug, recordSlugChange } from "./slugs";
import { hasBeenPublic, STATUS_LABELS } from "./status";

/** What the editor learns after a save. */
export interface SaveArticleResult {
  id: string;
  version: number;
  slug: string;
  status: ArticleStatus;
  savedAt: Date;
  /** Nothing differed from the stored story: no new version was made. */
  isUnchanged: boolean;
  /** Public paths whose pages may show this story, before and after the save (for cache invalidation). */
  affectedPaths: string[];
}

function pathsOf(record: ArticleRecord): string[] {
  return [articlePath(record.category.slug, record.slug), sectionPath(record.category.slug)];
}

function toResult(record: ArticleRecord, isUnchanged: boolean, before?: ArticleRecord): SaveArticleResult {
  const affectedPaths = [...new Set([...(before ? pathsOf(before) : []), ...pathsOf(record), "/"])];
  return { id: record.id, version: record.version, slug: record.slug, status: record.status, savedAt: record.updatedAt, isUnchanged, affectedPaths };
}

function contentColumns(content: ResolvedContent) {
  const { tagNames: _tags, publishedAt, ...columns } = content;
  return { ...columns, ...(publishedAt !== undefined ? { publishedAt } : {}) };
}

/** Reader-visible columns: a change to any of them on a live story is an "Updated". */
const READER_VISIBLE = ["title", "summary", "lead", "body", "byline", "sourceAttribution", "categoryId"] as const;

function changedColumns(record: ArticleRecord, content: ResolvedContent): string[] {
  const changed: string[] = [];
  const columns = contentColumns(content) as Record<string, unknown>;
  for (const [key, value] of Object.entries(columns)) {
    const stored = (record as unknown as Record<string, unknown>)[key];
    const same = value instanceof Date || stored instanceof Date ? (value as Date | null)?.getTime() === (stored as Date | null)?.getTime() : value === stored;
    if (!same) changed.push(key);
  }
  if (JSON.stringify(record.tags.map((t) => t.tag.name)) !== JSON.stringify(content.tagNames)) changed.push("tags");
  return changed;
}

/**
 * A unique-index race (two stories taking one slug at the same instant) lost
 * inside the transaction: report it like the pre-check would have.
 */
async function translateSlugRace<T>(language: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new SlugTakenError(slug, await findFreeSlug(db, language, slug), "another story saved a moment ago");
    }
    throw error;
  }
}

/** Creates a draft owned by the signed-in user (version 1, with its first revision). */
export async function createArticle(fields: ArticleSaveFields): Promise<SaveArticleResult> {
  const user = await requireUser();
  if (!canCreateArticle(user)) throw new ForbiddenError("You cannot create stories");
  const facts = { authorId: user.id, status: "DRAFT" as const };
  return translateSlugRace(fields.language, fields.slug || slugify(fields.title), () =>
    db.$transaction(async (tx) => {
      const content = await resolveContent(tx, fields, { status: "DRAFT", canSetPublicationTime: canPublishArticle(user, facts) });
      const { id } = await tx.article.create({
        data: { ...contentColumns(content), status: "DRAFT", authorId: user.id },
        select: { id: true },
      });
      await replaceArticleTags(tx, id, content.tagNames);
      await recordSlugChange(tx, { articleId: id, from: null, to: content, keepOldUrl: false });
      const record = (await loadArticleRecord(tx, id)) as ArticleRecord;
      await writeRevision(tx, record, { kind: "CREATE", userId: user.id });
      await recordArticleAudit(tx, { actorId: user.id, action: "article.create", articleId: id, toState: "DRAFT", data: { version: 1 } });
      return toResult(record, false);
    }),
  );
}

/**
 * Saves the editor's fields as a new version, if the story is still at
 * `baseVersion` (else ConflictError with the current state). Keeps a
 * revision, clears the user's autosave, and on a live story keeps the
 * publication time while marking the content updated.
 */
export async function saveArticle(input: { id: string; baseVersion: number; fields: ArticleSaveFields }): Promise<SaveArticleResult> {
  const user = await requireUser();
  return translateSlugRace(input.fields.language, input.fields.slug || slugify(input.fields.title), () =>
    db.$transaction(async (tx) => {
      const now = new Date();
      const record = await loadVisibleArticle(tx, input.id, user);
      const facts = articleFacts(record, now);
      if (!canEditArticle(user, facts)) throw new ForbiddenError(`You cannot edit this story while it is ${STATUS_LABELS[facts.status].toLowerCase()}`);
      if (record.version !== input.baseVersion) throw await conflictFor(tx, input.id);
      const content = await resolveContent(tx, input.fields, {
        articleId: record.id,
        status: facts.status,
        canSetPublicationTime: canPublishArticle(user, facts),
        storedPublishedAt: record.publishedAt,
        now,
      });
      const changed = changedColumns(record, content);
      if (changed.length === 0 && facts.status === record.status) {
        await tx.articleAutosave.deleteMany({ where: { articleId: record.id, userId: user.id } });
        return toResult(record, true);
      }
      const isLive = facts.status === "PUBLISHED";
      const isVisibleChange = changed.some((key) => (READER_VISIBLE as readonly string[]).includes(key));
      await updateAtVersion(tx, record.id, input.baseVersion, {
        ...contentColumns(content),
        status: facts.status,
        ...(isLive && isVisibleChange ? { contentUpdatedAt: now } : {}),
      });
      if (changed.includes("tags")) await replaceArticleTags(tx, record.id, content.tagNames);
      await recordSlugChange(tx, { articleId: record.id, from: record, to: content, keepOldUrl: hasBeenPublic(record, now) });
      const updated = (await loadArticleRecord(tx, record.id)) as ArticleRecord;
      await writeRevision(tx, updated, { kind: "SAVE", userId: user.id });
      await tx.articleAutosave.deleteMany({ where: { articleId: record.id, userId: user.id } });
      await recordArticleAudit(tx, {
        actorId: user.id,
        action: "article.save",
        articleId: record.id,
        fromState: record.status,
        toState: updated.status,
        data: { version: updated.version, changed, ...(record.slug !== updated.slug ? { slugFrom: record.slug, slugTo: updated.slug } : {}) },
      });
      return toResult(updated, false, record);
    }),
  );
}
