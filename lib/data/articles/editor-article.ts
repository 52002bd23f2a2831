import "server-only";
import {
  canEditArticle,
  canPublishArticle,
  canRestoreRevision,
  canReturnArticleToDraft,
  canScheduleArticle,
  canSubmitArticleForReview,
  canTakeOverEditing,
  canUnpublishArticle,
} from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { db } from "../../db";
import type { ArticleStatus } from "../../generated/prisma/enums";
import { articlePath } from "../../urls";
import type { ArticleFormFields } from "../../validations/article";
import { articleFacts, loadVisibleArticle } from "./article-access";
import { fieldsFingerprint, toFormFields } from "./article-record";
import { type ArticleAutosaveState, getOwnAutosave } from "./autosave";
import { isPublic } from "./status";

/** What the signed-in user may do with the story, for the editor's buttons (the DAL re-checks each). */
export interface EditorPermissions {
  canEdit: boolean;
  canSubmit: boolean;
  canPublish: boolean;
  canSchedule: boolean;
  canUnpublish: boolean;
  canReturnToDraft: boolean;
  canRestore: boolean;
  canTakeOver: boolean;
  canSetPublicationTime: boolean;
}

/** A story as the editor opens it. */
export interface EditorArticle {
  id: string;
  version: number;
  /** As stored. */
  status: ArticleStatus;
  /** As readers experience it (a scheduled story whose time came is published). */
  effectiveStatus: ArticleStatus;
  publishedAt: Date | null;
  contentUpdatedAt: Date | null;
  updatedAt: Date;
  author: { id: string; name: string };
  fields: ArticleFormFields;
  /** Where readers find it, when they can. */
  publicPath: string | null;
  permissions: EditorPermissions;
  /** The user's unsaved typing, when it differs from the stored story. */
  autosave: ArticleAutosaveState | null;
  /** Why an editor sent the story back, while it is a draft again. */
  returnNote: { note: string; by: string | null; at: Date } | null;
}

/** The story for the editor page; NotFoundError when missing or not the user's to see. */
export async function getArticleForEdit(id: string): Promise<EditorArticle> {
  const user = await requireUser();
  const now = new Date();
  const record = await loadVisibleArticle(db, id, user);
  const facts = articleFacts(record, now);
  const [author, autosave, lastStatusChange] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: record.authorId }, select: { id: true, name: true } }),
    getOwnAutosave(record.id, user.id),
    db.articleRevision.findFirst({
      where: { articleId: record.id, kind: "STATUS" },
      orderBy: { version: "desc" },
      select: { status: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
    }),
  ]);
  const fields = toFormFields(record);
  const hasOwnChanges = autosave && fieldsFingerprint(autosave.fields) !== fieldsFingerprint(fields);
  return {
    id: record.id,
    version: record.version,
    status: record.status,
    effectiveStatus: facts.status,
    publishedAt: record.publishedAt,
    contentUpdatedAt: record.contentUpdatedAt,
    updatedAt: record.updatedAt,
    author,
    fields,
    publicPath: isPublic(record, now) ? articlePath(record.category.slug, record.slug) : null,
    permissions: {
      canEdit: canEditArticle(user, facts),
      canSubmit: canSubmitArticleForReview(user, facts),
      canPublish: canPublishArticle(user, facts),
      canSchedule: canScheduleArticle(user, facts),
      canUnpublish: canUnpublishArticle(user, facts),
      canReturnToDraft: canReturnArticleToDraft(user, facts),
      canRestore: canRestoreRevision(user, facts),
      canTakeOver: canTakeOverEditing(user, facts),
      canSetPublicationTime: canPublishArticle(user, facts),
    },
    autosave: hasOwnChanges ? autosave : null,
    returnNote:
      facts.status === "DRAFT" && lastStatusChange?.status === "DRAFT" && lastStatusChange.note
        ? { note: lastStatusChange.note, by: lastStatusChange.createdBy?.name ?? null, at: lastStatusChange.createdAt }
        : null,
  };
}

/** Sections for the editor's select, parents before their children. */
export async function listSectionOptions(): Promise<{ id: string; name: string; slug: string; parentName: string | null }[]> {
  await requireUser();
  const rows = await db.category.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, parentId: true },
  });
  const parents = rows.filter((r) => !r.parentId);
  return parents.flatMap((parent) => [
    { id: parent.id, name: parent.name, slug: parent.slug, parentName: null },
    ...rows.filter((r) => r.parentId === parent.id).map((child) => ({ id: child.id, name: child.name, slug: child.slug, parentName: parent.name })),
  ]);
}
