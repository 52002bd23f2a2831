import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { ArticleStatus } from "../../generated/prisma/enums";
import { toNewsroomLocalInput } from "../../time";
import type { ArticleFormFields } from "../../validations/article";

export { fieldsFingerprint } from "../../content/form-fields";

/** The columns every editor-side read and write needs. */
export const articleRecordSelect = {
  id: true,
  language: true,
  slug: true,
  title: true,
  summary: true,
  lead: true,
  body: true,
  status: true,
  publishedAt: true,
  contentUpdatedAt: true,
  version: true,
  categoryId: true,
  authorId: true,
  byline: true,
  sourceAttribution: true,
  seoTitle: true,
  seoDescription: true,
  createdAt: true,
  updatedAt: true,
  category: { select: { name: true, slug: true } },
  tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true } } } },
} as const satisfies Prisma.ArticleSelect;

export type ArticleRecord = Prisma.ArticleGetPayload<{ select: typeof articleRecordSelect }>;

/** The stored article as the editor's form holds it. */
export function toFormFields(record: ArticleRecord): ArticleFormFields {
  return {
    title: record.title,
    slug: record.slug,
    summary: record.summary ?? "",
    lead: record.lead,
    body: record.body,
    sectionId: record.categoryId,
    tags: record.tags.map((t) => t.tag.name),
    byline: record.byline ?? "",
    sourceAttribution: record.sourceAttribution ?? "",
    seoTitle: record.seoTitle ?? "",
    seoDescription: record.seoDescription ?? "",
    language: record.language,
    publishedAt: record.publishedAt ? toNewsroomLocalInput(record.publishedAt) : "",
  };
}

/**
 * The server's side of a conflict: the current version, who wrote it and
 * when, and every field, so the editor can show both texts side by side.
 */
export interface ArticleServerState {
  id: string;
  version: number;
  status: ArticleStatus;
  fields: ArticleFormFields;
  updatedAt: string;
  updatedBy: string | null;
}

export async function loadArticleRecord(tx: Prisma.TransactionClient, id: string): Promise<ArticleRecord | null> {
  return tx.article.findUnique({ where: { id }, select: articleRecordSelect });
}

export async function loadServerState(tx: Prisma.TransactionClient, id: string): Promise<ArticleServerState | null> {
  const record = await loadArticleRecord(tx, id);
  if (!record) return null;
  const lastRevision = await tx.articleRevision.findFirst({
    where: { articleId: id },
    orderBy: { version: "desc" },
    select: { createdBy: { select: { name: true } } },
  });
  return {
    id,
    version: record.version,
    status: record.status,
    fields: toFormFields(record),
    updatedAt: record.updatedAt.toISOString(),
    updatedBy: lastRevision?.createdBy?.name ?? null,
  };
}

/** Keeps a full snapshot of the article as it now stands. */
export async function writeRevision(
  tx: Prisma.TransactionClient,
  record: ArticleRecord,
  options: { kind: "CREATE" | "SAVE" | "RESTORE" | "PUBLISH" | "STATUS"; userId: string; note?: string | null },
): Promise<void> {
  await tx.articleRevision.create({
    data: {
      articleId: record.id,
      version: record.version,
      kind: options.kind,
      note: options.note ?? null,
      status: record.status,
      title: record.title,
      slug: record.slug,
      summary: record.summary,
      lead: record.lead,
      body: record.body,
      categoryId: record.categoryId,
      byline: record.byline,
      sourceAttribution: record.sourceAttribution,
      seoTitle: record.seoTitle,
      seoDescription: record.seoDescription,
      publishedAt: record.publishedAt,
      tagNames: record.tags.map((t) => t.tag.name),
      createdById: options.userId,
    },
  });
}
