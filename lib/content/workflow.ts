import type { ArticleStatus } from "../generated/prisma/enums";
import type { ArticleTransition } from "../validations/article";

/**
 * Which statuses (as readers experience them) each workflow transition
 * starts from. The DAL enforces it; the editor uses it to show only the
 * buttons that can work.
 */
export const TRANSITION_SOURCES: Record<ArticleTransition, readonly ArticleStatus[]> = {
  submit: ["DRAFT"],
  publish: ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"],
  schedule: ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"],
  unpublish: ["PUBLISHED", "SCHEDULED"],
  "return-to-draft": ["IN_REVIEW", "SCHEDULED", "ARCHIVED"],
};

export const TRANSITION_TARGETS: Record<ArticleTransition, ArticleStatus> = {
  submit: "IN_REVIEW",
  publish: "PUBLISHED",
  schedule: "SCHEDULED",
  unpublish: "ARCHIVED",
  "return-to-draft": "DRAFT",
};

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  ARCHIVED: "Unpublished",
};
