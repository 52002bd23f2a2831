import type { EditorArticle, EditorPermissions } from "@/lib/data/articles/editor-article";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { slugify } from "@/lib/slug";
import type { ArticleFormFields } from "@/lib/validations/article";
import type { EditorHandoff } from "./editor-handoff";
import type { LiveState } from "./use-editor-text";

/** What the editor page hands the client editor: plain, serialisable data. */
export interface EditorInitial {
  articleId: string | null;
  version: number;
  status: ArticleStatus;
  effectiveStatus: ArticleStatus;
  fields: ArticleFormFields;
  /** ISO instants. */
  publishedAt: string | null;
  publicPath: string | null;
  authorName: string;
  permissions: EditorPermissions;
  autosave: { savedAt: string; baseVersion: number; fields: ArticleFormFields } | null;
  returnNote: { note: string; by: string | null; at: string } | null;
}

export function toEditorInitial(article: EditorArticle): EditorInitial {
  return {
    articleId: article.id,
    version: article.version,
    status: article.status,
    effectiveStatus: article.effectiveStatus,
    fields: article.fields,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    publicPath: article.publicPath,
    authorName: article.author.name,
    permissions: article.permissions,
    autosave: article.autosave ? { ...article.autosave, savedAt: article.autosave.savedAt.toISOString() } : null,
    returnNote: article.returnNote ? { ...article.returnNote, at: article.returnNote.at.toISOString() } : null,
  };
}

/**
 * The text the editor opens with: the live state handed over from /new when
 * there is one, else the saved story. The slug follows the headline only
 * while no published URL depends on it.
 */
export function getStartState(initial: EditorInitial, handoff: EditorHandoff | null, mode: "new" | "edit"): LiveState {
  if (handoff) return { fields: handoff.fields, tagsText: handoff.tagsText, baseVersion: handoff.baseVersion, isDirty: handoff.isDirty, isSlugAuto: handoff.isSlugAuto };
  return {
    fields: initial.fields,
    tagsText: initial.fields.tags.join(", "),
    baseVersion: initial.version,
    isDirty: false,
    isSlugAuto: mode === "new" || (!initial.publishedAt && initial.fields.slug === slugify(initial.fields.title)),
  };
}
