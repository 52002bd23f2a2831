import type { ArticleStatus } from "./generated/prisma/enums";

/**
 * The statuses the newsroom sees. A SCHEDULED story whose time has come is
 * "published" here exactly as lib/data/published.ts makes it public: no job
 * flips the stored status, so every list and count derives it the same way.
 */
export const LIST_STATUSES = ["draft", "in_review", "scheduled", "published", "archived"] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

export const LIST_STATUS_LABEL: Record<ListStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  scheduled: "Scheduled",
  published: "Published",
  archived: "Archived",
};

const STORED_TO_LIST: Record<ArticleStatus, ListStatus> = {
  DRAFT: "draft",
  IN_REVIEW: "in_review",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  ARCHIVED: "archived",
};

/** The status an article has at `now`, as readers and the newsroom experience it. */
export function effectiveListStatus(status: ArticleStatus, publishedAt: Date | null, now: Date = new Date()): ListStatus {
  if (status === "SCHEDULED" && publishedAt && publishedAt.getTime() <= now.getTime()) return "published";
  return STORED_TO_LIST[status];
}
