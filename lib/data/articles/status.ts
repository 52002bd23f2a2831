import type { ArticleStatus } from "../../generated/prisma/enums";

/**
 * The status readers experience: a scheduled story whose time has come is
 * published, whether or not anything has written that down yet.
 */
export function effectiveStatus(article: { status: ArticleStatus; publishedAt: Date | null }, now = new Date()): ArticleStatus {
  if (article.status === "SCHEDULED" && article.publishedAt && article.publishedAt <= now) return "PUBLISHED";
  return article.status;
}

/** True when readers can see the story right now. */
export function isPublic(article: { status: ArticleStatus; publishedAt: Date | null }, now = new Date()): boolean {
  return effectiveStatus(article, now) === "PUBLISHED" && Boolean(article.publishedAt && article.publishedAt <= now);
}

/**
 * True when the story has been in front of readers at some point (so its
 * old URLs may be out in the world): it went out and its time has passed.
 */
export function hasBeenPublic(article: { publishedAt: Date | null }, now = new Date()): boolean {
  return Boolean(article.publishedAt && article.publishedAt <= now);
}

export { STATUS_LABELS } from "../../content/workflow";
