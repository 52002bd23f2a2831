"use server";

import { revalidatePath } from "next/cache";
import { autosaveArticle, discardArticleAutosave } from "@/lib/data/articles/autosave";
import { type TransitionRequest, transitionArticle } from "@/lib/data/articles/lifecycle";
import { claimArticleLease, releaseArticleLease } from "@/lib/data/articles/leases";
import { restoreArticleRevision } from "@/lib/data/articles/revisions";
import { createArticle, saveArticle } from "@/lib/data/articles/save-article";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import { invalidateForArticle } from "@/lib/public-cache/invalidate";
import { parseNewsroomLocalInput } from "@/lib/time";
import {
  articleRefSchema,
  autosaveArticleSchema,
  createArticleSchema,
  leaseRequestSchema,
  restoreRevisionSchema,
  saveArticleSchema,
  toFieldErrors,
  transitionArticleSchema,
} from "@/lib/validations/article";
import { invalidInput, runAction } from "./action-result";

/*
 * The editor's server actions. Each one is thin: zod safeParse, one DAL call
 * (which checks the session and the permission matrix itself), cache
 * revalidation when readers could see the change, and a result object —
 * never a thrown error, never a 500.
 */

const NOT_PUBLIC: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW"];

const ARTICLE_PATH = /^\/news\/([^/]+)\/[^/]+$/;
const SECTION_PATH = /^\/news\/([^/]+)$/;

/**
 * Readers' pages change only when a story that is (or was, or will be) out
 * changes. The database also announces every change to all app instances;
 * invalidating here as well makes the editor's own next click exact.
 * `paths` are the story's addresses and section pages before and after.
 */
async function revalidatePublic(articleId: string, statuses: readonly ArticleStatus[], paths: readonly string[] = []): Promise<void> {
  if (statuses.every((status) => NOT_PUBLIC.includes(status))) return;
  const sectionSlugs = paths.flatMap((path) => SECTION_PATH.exec(path)?.[1] ?? ARTICLE_PATH.exec(path)?.[1] ?? []);
  await invalidateForArticle({ articleId, oldPaths: paths.filter((path) => ARTICLE_PATH.test(path)), sectionSlugs });
  revalidatePath("/", "layout");
}

export async function createArticleAction(input: unknown) {
  const parsed = createArticleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  return runAction(() => createArticle(parsed.data.fields), () => "Draft created.");
}

export async function saveArticleAction(input: unknown) {
  const parsed = saveArticleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  const result = await runAction(() => saveArticle(parsed.data), (saved) => (saved.isUnchanged ? "No changes to save." : `Saved as version ${saved.version}.`));
  if (result.ok && !result.data.isUnchanged) await revalidatePublic(result.data.id, [result.data.status], result.data.affectedPaths);
  return result;
}

export async function autosaveArticleAction(input: unknown) {
  const parsed = autosaveArticleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  return runAction(() => autosaveArticle(parsed.data));
}

export async function discardAutosaveAction(input: unknown) {
  const parsed = articleRefSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  return runAction(() => discardArticleAutosave(parsed.data.id));
}

const TRANSITION_MESSAGES = {
  submit: "Submitted for review. An editor will take it from here.",
  publish: "Published.",
  schedule: "Scheduled.",
  unpublish: "Unpublished: readers no longer see this story.",
  "return-to-draft": "Sent back to draft with your note.",
} as const;

export async function transitionArticleAction(input: unknown) {
  const parsed = transitionArticleSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  const request = parsed.data;
  let dalRequest: TransitionRequest;
  if (request.transition === "schedule") {
    const publishAt = parseNewsroomLocalInput(request.publishAt);
    if (!publishAt) return invalidInput({ publishAt: ["That date and time does not exist in the newsroom's time zone"] });
    dalRequest = { ...request, publishAt };
  } else {
    dalRequest = request;
  }
  const result = await runAction(() => transitionArticle(dalRequest), () => TRANSITION_MESSAGES[request.transition]);
  if (result.ok) await revalidatePublic(result.data.id, [result.data.fromStatus, result.data.status], result.data.affectedPaths);
  return result;
}

export async function restoreRevisionAction(input: unknown) {
  const parsed = restoreRevisionSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  const result = await runAction(() => restoreArticleRevision(parsed.data), (restored) => `Version ${parsed.data.revisionVersion} restored as version ${restored.version}.`);
  if (result.ok) await revalidatePublic(parsed.data.id, [result.data.status]);
  return result;
}

export async function claimLeaseAction(input: unknown) {
  const parsed = leaseRequestSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  return runAction(() => claimArticleLease(parsed.data));
}

export async function releaseLeaseAction(input: unknown) {
  const parsed = articleRefSchema.safeParse(input);
  if (!parsed.success) return invalidInput(toFieldErrors(parsed.error));
  return runAction(() => releaseArticleLease(parsed.data.id));
}
