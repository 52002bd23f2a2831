import "server-only";
import type { Actor, ArticleFacts } from "../../auth/permissions";
import {
  canPublishArticle,
  canReturnArticleToDraft,
  canScheduleArticle,
  canSubmitArticleForReview,
  canUnpublishArticle,
} from "../../auth/permissions";
import { requireUser } from "../../auth/session";
import { isBodyEmpty } from "../../content/body-text";
import { db } from "../../db";
import { ForbiddenError, ValidationError } from "../../errors";
import type { ArticleStatus, RevisionKind } from "../../generated/prisma/enums";
import { articlePath, sectionPath } from "../../urls";
import type { ArticleTransition } from "../../validations/article";
import { articleFacts, conflictFor, loadVisibleArticle, updateAtVersion } from "./article-access";
import { type ArticleRecord, loadArticleRecord, writeRevision } from "./article-record";
import { type ArticleAuditEntry, recordArticleAudit } from "./audit";
import { STATUS_LABELS, TRANSITION_SOURCES, TRANSITION_TARGETS } from "../../content/workflow";

interface TransitionRule {
  can: (user: Actor, article: ArticleFacts) => boolean;
  action: ArticleAuditEntry["action"];
  kind: RevisionKind;
  verb: string;
}

/**
 * The newsroom workflow: draft → in review → scheduled or published →
 * unpublished (archived), and back to draft with a note. Each transition is
 * allowed by the permission matrix; anything else is refused.
 */
export const TRANSITIONS: Record<ArticleTransition, TransitionRule> = {
  submit: { can: canSubmitArticleForReview, action: "article.submit", kind: "STATUS", verb: "submit for review" },
  publish: { can: canPublishArticle, action: "article.publish", kind: "PUBLISH", verb: "publish" },
  schedule: { can: canScheduleArticle, action: "article.schedule", kind: "PUBLISH", verb: "schedule" },
  unpublish: { can: canUnpublishArticle, action: "article.unpublish", kind: "STATUS", verb: "unpublish" },
  "return-to-draft": { can: canReturnArticleToDraft, action: "article.return_to_draft", kind: "STATUS", verb: "send back to draft" },
};

export type TransitionRequest =
  | { transition: "submit" | "publish" | "unpublish"; id: string; baseVersion: number }
  | { transition: "schedule"; id: string; baseVersion: number; publishAt: Date }
  | { transition: "return-to-draft"; id: string; baseVersion: number; note: string };

export interface TransitionResult {
  id: string;
  version: number;
  status: ArticleStatus;
  publishedAt: Date | null;
  fromStatus: ArticleStatus;
  slug: string;
  sectionSlug: string;
  /** Public paths whose pages may show this story (for cache invalidation). */
  affectedPaths: string[];
}

const PAST: Record<ArticleTransition, string> = {
  submit: "submitted for review",
  publish: "published",
  schedule: "scheduled",
  unpublish: "unpublished",
  "return-to-draft": "sent back to draft",
};

/** A story goes out only with a headline, a lead and a body. */
function assertReadyToGoOut(record: ArticleRecord): void {
  const errors: Record<string, string[]> = {};
  if (!record.title.trim()) errors.title = ["Enter a headline before publishing"];
  if (!record.lead.trim()) errors.lead = ["Write a lead before publishing"];
  if (isBodyEmpty(record.body)) errors.body = ["Write the story before publishing"];
  if (Object.keys(errors).length > 0) throw new ValidationError("The story is not ready to go out", errors);
}

function nextPublishedAt(request: TransitionRequest, record: ArticleRecord, now: Date): Date | null {
  if (request.transition === "schedule") {
    if (request.publishAt <= now) {
      throw new ValidationError("Pick a time in the future", { publishAt: ["Pick a time in the future — or use Publish now"] });
    }
    return request.publishAt;
  }
  // Publishing keeps a time that has passed (an editor's back-dating, or
  // the original time of a story coming back from unpublished); anything
  // else goes out now.
  if (request.transition === "publish") return record.publishedAt && record.publishedAt <= now ? record.publishedAt : now;
  return record.publishedAt;
}

/**
 * Moves a story through the workflow. Checks, in order: the story is
 * visible (else NotFoundError), the permission matrix (ForbiddenError), the
 * version the user saw (ConflictError), the transition fits the current
 * status, the story is complete. Then, in one transaction: the new status,
 * a version bump, a full revision and an audit event with both states.
 */
export async function transitionArticle(request: TransitionRequest): Promise<TransitionResult> {
  const user = await requireUser();
  const rule = TRANSITIONS[request.transition];
  const from = TRANSITION_SOURCES[request.transition];
  const to = TRANSITION_TARGETS[request.transition];
  return db.$transaction(async (tx) => {
    const now = new Date();
    const record = await loadVisibleArticle(tx, request.id, user);
    const facts = articleFacts(record, now);
    if (!rule.can(user, facts)) throw new ForbiddenError(`You are not allowed to ${rule.verb} this story`);
    if (record.version !== request.baseVersion) throw await conflictFor(tx, request.id);
    if (!from.includes(facts.status)) {
      throw new ValidationError(`This story is ${STATUS_LABELS[facts.status].toLowerCase()}: it cannot ${rule.verb === "submit for review" ? "be submitted for review" : `be ${PAST[request.transition]}`} now.`);
    }
    if (to === "PUBLISHED" || to === "SCHEDULED") assertReadyToGoOut(record);
    const publishedAt = nextPublishedAt(request, record, now);
    await updateAtVersion(tx, record.id, request.baseVersion, { status: to, publishedAt });
    const updated = (await loadArticleRecord(tx, record.id)) as ArticleRecord;
    const note = request.transition === "return-to-draft" ? request.note : null;
    await writeRevision(tx, updated, { kind: rule.kind, userId: user.id, note });
    await recordArticleAudit(tx, {
      actorId: user.id,
      action: rule.action,
      articleId: record.id,
      fromState: facts.status,
      toState: to,
      data: { version: updated.version, publishedAt: publishedAt?.toISOString() ?? null, ...(note ? { note } : {}) },
    });
    return {
      id: record.id,
      version: updated.version,
      status: updated.status,
      publishedAt: updated.publishedAt,
      fromStatus: facts.status,
      slug: updated.slug,
      sectionSlug: updated.category.slug,
      affectedPaths: [articlePath(updated.category.slug, updated.slug), sectionPath(updated.category.slug), "/"],
    };
  });
}
