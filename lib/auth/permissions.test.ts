import { describe, expect, it } from "vitest";
import type { ArticleStatus, Role } from "../generated/prisma/enums";
import * as permissions from "./permissions";
import type { Actor, ArticleFacts } from "./permissions";

const ROLES: Role[] = ["ADMIN", "EDITOR", "AUTHOR"];
const STATUSES: ArticleStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"];
const ME = "00000000-0000-7000-8000-000000000001";
const SOMEONE_ELSE = "00000000-0000-7000-8000-000000000002";

type ArticleCheck = (user: Actor, article: ArticleFacts) => boolean;
type Expectation = (role: Role, isOwn: boolean, status: ArticleStatus) => boolean;

const staff = (role: Role) => role === "ADMIN" || role === "EDITOR";

/**
 * The issue's matrix, written out independently of the implementation:
 * admin everything; editor every article and lifecycle action (not delete);
 * author creates, edits own drafts and submits them, never publishes,
 * schedules or touches others' work.
 */
const ARTICLE_RULES: Record<string, [ArticleCheck, Expectation]> = {
  view: [permissions.canViewArticle, (role, isOwn) => staff(role) || isOwn],
  edit: [permissions.canEditArticle, (role, isOwn, status) => staff(role) || (isOwn && status === "DRAFT")],
  submitForReview: [permissions.canSubmitArticleForReview, (role, isOwn, status) => status === "DRAFT" && (staff(role) || isOwn)],
  publish: [permissions.canPublishArticle, staff],
  schedule: [permissions.canScheduleArticle, staff],
  unpublish: [permissions.canUnpublishArticle, staff],
  archive: [permissions.canArchiveArticle, staff],
  returnToDraft: [permissions.canReturnArticleToDraft, staff],
  delete: [permissions.canDeleteArticle, (role) => role === "ADMIN"],
  restoreRevision: [permissions.canRestoreRevision, (role, isOwn, status) => staff(role) || (isOwn && status === "DRAFT")],
  takeOverEditing: [permissions.canTakeOverEditing, (role, isOwn, status) => staff(role) || (isOwn && status === "DRAFT")],
  sharePreview: [permissions.canSharePreview, (role, isOwn) => staff(role) || isOwn],
  viewTypoReports: [permissions.canViewTypoReports, (role, isOwn) => staff(role) || isOwn],
};

const ROLE_RULES: Record<string, [(user: Actor) => boolean, (role: Role) => boolean]> = {
  createArticle: [permissions.canCreateArticle, () => true],
  listAllArticles: [permissions.canListAllArticles, staff],
  viewAllTypoReports: [permissions.canViewAllTypoReports, staff],
  decideTypoReport: [permissions.canDecideTypoReport, staff],
  manageUsers: [permissions.canManageUsers, (role) => role === "ADMIN"],
  manageSections: [permissions.canManageSections, (role) => role === "ADMIN"],
  manageSettings: [permissions.canManageSettings, (role) => role === "ADMIN"],
  viewAuditLog: [permissions.canViewAuditLog, (role) => role === "ADMIN"],
  accessAdmin: [permissions.canAccessAdmin, () => true],
};

const articleCases = Object.entries(ARTICLE_RULES).flatMap(([action, [check, expected]]) =>
  ROLES.flatMap((role) =>
    [true, false].flatMap((isOwn) =>
      STATUSES.map((status) => ({ action, role, isOwn, status, check, expected: expected(role, isOwn, status) })),
    ),
  ),
);

describe("permission matrix: article actions (every role × own/other × status)", () => {
  it.each(articleCases)("$role $action on $status (own: $isOwn) → $expected", ({ role, isOwn, status, check, expected }) => {
    const user: Actor = { id: ME, role };
    expect(check(user, { authorId: isOwn ? ME : SOMEONE_ELSE, status })).toBe(expected);
  });
});

describe("permission matrix: role-wide actions", () => {
  const cases = Object.entries(ROLE_RULES).flatMap(([action, [check, expected]]) =>
    ROLES.map((role) => ({ action, role, check, expected: expected(role) })),
  );
  it.each(cases)("$role $action → $expected", ({ role, check, expected }) => {
    expect(check({ id: ME, role })).toBe(expected);
  });

  it("lets nobody without a session into the admin", () => {
    expect(permissions.canAccessAdmin(null)).toBe(false);
    expect(permissions.canAccessAdmin(undefined)).toBe(false);
  });
});

describe("permission matrix: completeness", () => {
  it("tests every permission the module exports", () => {
    const exported = Object.entries(permissions)
      .filter(([name, value]) => name.startsWith("can") && typeof value === "function")
      .map(([, value]) => value);
    const tested = new Set<unknown>([...Object.values(ARTICLE_RULES), ...Object.values(ROLE_RULES)].map(([check]) => check));
    expect(exported.filter((fn) => !tested.has(fn))).toEqual([]);
  });

  it("an author can never publish, schedule or edit someone else's work", () => {
    for (const status of STATUSES) {
      const article = { authorId: SOMEONE_ELSE, status };
      const author: Actor = { id: ME, role: "AUTHOR" };
      expect([permissions.canPublishArticle, permissions.canScheduleArticle, permissions.canEditArticle].some((fn) => fn(author, article))).toBe(false);
    }
  });
});
