/**
 * The permission matrix, as tiny pure functions. The data-access layer calls
 * these inside every function; the UI may call them to hide what a role
 * cannot use, but hiding is never the protection.
 *
 *   admin   everything, including users, sections and settings
 *   editor  any article, any lifecycle action; decides typo reports
 *   author  creates drafts, edits own drafts, submits them for review;
 *           sees reports on own stories; never publishes or schedules
 */
import type { ArticleStatus, Role } from "../generated/prisma/enums";

/** The acting user as permission checks need it. */
export interface Actor {
  id: string;
  role: Role;
}

/** The facts about an article that decide who may touch it. */
export interface ArticleFacts {
  authorId: string;
  status: ArticleStatus;
}

const isStaffEditor = (user: Actor) => user.role === "ADMIN" || user.role === "EDITOR";
const isOwn = (user: Actor, article: ArticleFacts) => article.authorId === user.id;

export const canAccessAdmin = (user: Actor | null | undefined): user is Actor => Boolean(user);

export const canCreateArticle = (_user: Actor) => true;

/** Reading an article in the admin (a forbidden read must look like a missing one). */
export const canViewArticle = (user: Actor, article: ArticleFacts) => isStaffEditor(user) || isOwn(user, article);

export const canEditArticle = (user: Actor, article: ArticleFacts) =>
  isStaffEditor(user) || (isOwn(user, article) && article.status === "DRAFT");

export const canSubmitArticleForReview = (user: Actor, article: ArticleFacts) =>
  article.status === "DRAFT" && (isStaffEditor(user) || isOwn(user, article));

export const canPublishArticle = (user: Actor, _article: ArticleFacts) => isStaffEditor(user);
export const canScheduleArticle = (user: Actor, _article: ArticleFacts) => isStaffEditor(user);
export const canUnpublishArticle = (user: Actor, _article: ArticleFacts) => isStaffEditor(user);
export const canArchiveArticle = (user: Actor, _article: ArticleFacts) => isStaffEditor(user);
export const canReturnArticleToDraft = (user: Actor, _article: ArticleFacts) => isStaffEditor(user);
export const canDeleteArticle = (user: Actor, _article: ArticleFacts) => user.role === "ADMIN";

export const canRestoreRevision = canEditArticle;
export const canTakeOverEditing = canEditArticle;
export const canSharePreview = canViewArticle;

/** Lists every article, not only one's own. */
export const canListAllArticles = (user: Actor) => isStaffEditor(user);

/** Reader typo reports on this story: the newsroom's editors, and its author (read-only). */
export const canViewTypoReports = (user: Actor, article: ArticleFacts) => isStaffEditor(user) || isOwn(user, article);
/** The whole queue, not only reports on one's own stories. */
export const canViewAllTypoReports = (user: Actor) => isStaffEditor(user);
/** Accept, reject, mark duplicate, reopen. */
export const canDecideTypoReport = (user: Actor) => isStaffEditor(user);

export const canManageUsers = (user: Actor) => user.role === "ADMIN";
export const canManageSections = (user: Actor) => user.role === "ADMIN";
export const canManageSettings = (user: Actor) => user.role === "ADMIN";
export const canViewAuditLog = (user: Actor) => user.role === "ADMIN";
