import "server-only";
import { canEditArticle } from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { sanitizeArticleBody } from "../../content/sanitize-body";
import { db } from "../../db";
import { ForbiddenError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import type { ArticleDraftFields, ArticleFormFields } from "../../validations/article";
import { articleFacts, loadVisibleArticle } from "./article-access";

/** Unsaved typing kept on the server, per story and user. */
export interface ArticleAutosaveState {
  savedAt: Date;
  /** The version the typing started from. */
  baseVersion: number;
  fields: ArticleFormFields;
}

export interface AutosaveResult {
  savedAt: Date;
  /** The story's version now; newer than the base when someone saved meanwhile. */
  currentVersion: number;
  isStale: boolean;
}

/**
 * Keeps the user's unsaved fields (body sanitised like a save) without
 * touching the story: no version, no revision. Stale typing is kept too —
 * it is still the user's text; the conflict shows at the next save.
 */
export async function autosaveArticle(input: { id: string; baseVersion: number; fields: ArticleDraftFields }): Promise<AutosaveResult> {
  const user = await requireUser();
  const record = await loadVisibleArticle(db, input.id, user);
  if (!canEditArticle(user, articleFacts(record))) throw new ForbiddenError("You cannot edit this story any more");
  const fields: ArticleFormFields = { ...input.fields, body: sanitizeArticleBody(input.fields.body) };
  const data = fields as unknown as Prisma.InputJsonObject;
  const savedAt = new Date();
  await db.articleAutosave.upsert({
    where: { articleId_userId: { articleId: record.id, userId: user.id } },
    create: { articleId: record.id, userId: user.id, baseVersion: input.baseVersion, data, savedAt },
    update: { baseVersion: input.baseVersion, data, savedAt },
  });
  return { savedAt, currentVersion: record.version, isStale: record.version !== input.baseVersion };
}

/** The user's own autosave of the story, if any. */
export async function getOwnAutosave(articleId: string, userId: string): Promise<ArticleAutosaveState | null> {
  const row = await db.articleAutosave.findUnique({ where: { articleId_userId: { articleId, userId } } });
  if (!row) return null;
  return { savedAt: row.savedAt, baseVersion: row.baseVersion, fields: row.data as unknown as ArticleFormFields };
}

/** Drops the user's autosave ("Discard"). Only ever one's own. */
export async function discardArticleAutosave(articleId: string): Promise<void> {
  const user = await requireUser();
  await loadVisibleArticle(db, articleId, user);
  await db.articleAutosave.deleteMany({ where: { articleId, userId: user.id } });
}
