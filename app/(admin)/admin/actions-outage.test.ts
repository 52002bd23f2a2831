import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, openAdapter } from "@/lib/db/connect";
import { setDbForTesting } from "@/lib/db";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/errors";
import { initialActionState } from "@/lib/forms/action-state";
import { articleFields } from "@/lib/testing/article-fixtures";
import { setSessionCookie } from "@/lib/testing/mock-next-headers";
import { findFreePort } from "@/lib/testing/throwaway-postgres";
import { checkSession } from "@/lib/auth/session-check";
import { SIGN_IN_UNAVAILABLE_MESSAGE } from "@/lib/auth/authenticate";
import { signInWithPasswordAction } from "../../(auth)/login/actions";
import * as accountActions from "./account/actions";
import * as articleActions from "./articles/_actions/article-actions";
import * as editorReportActions from "./articles/_actions/typo-report-actions";
import * as shareActions from "./articles/[id]/share/actions";
import * as reportActions from "./reports/actions";
import * as sectionActions from "./sections/actions";
import * as userActions from "./users/actions";
import { signOutEverywhereAction } from "@/lib/auth/session-actions";

/*
 * Issue 10, observed fault 1 (admin half): every server action, run against a
 * database that cannot be reached, answers with a typed "database
 * unavailable" result — never a throw (which Next.js turns into a 500). The
 * session is a real signed cookie, so the session lookup itself meets the
 * outage first, as it does in production.
 */

vi.mock("next/headers", () => import("@/lib/testing/mock-next-headers"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
}));

class Redirected extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

const ID = "0190f3c2-7b1a-7c3d-8e4f-123456789abc";
const OTHER_ID = "0190f3c2-7b1a-7c3d-8e4f-123456789abd";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

let opened: ReturnType<typeof openAdapter>;

beforeAll(async () => {
  // Nothing listens on a port the kernel just handed out and took back: every connection is refused.
  const port = await findFreePort();
  opened = openAdapter({ kind: "postgres", url: `postgres://postgres@127.0.0.1:${port}/newsdesk` });
  setDbForTesting(createPrismaClient(opened));
  await setSessionCookie({ sub: ID, sv: 1, sid: OTHER_ID, authTime: Math.floor(Date.now() / 1000) });
});

afterAll(async () => {
  setDbForTesting(undefined);
  await opened.close();
});

const fields = articleFields(OTHER_ID, { title: "Outage story" });

/** The editor's actions: each answers { ok: false, reason: "unavailable" }. */
const editorCalls: [string, () => Promise<unknown>][] = [
  ["create", () => articleActions.createArticleAction({ fields })],
  ["save", () => articleActions.saveArticleAction({ id: ID, baseVersion: 3, fields })],
  ["autosave", () => articleActions.autosaveArticleAction({ id: ID, baseVersion: 3, fields })],
  ["discard autosave", () => articleActions.discardAutosaveAction({ id: ID })],
  ["submit", () => articleActions.transitionArticleAction({ transition: "submit", id: ID, baseVersion: 3 })],
  ["publish", () => articleActions.transitionArticleAction({ transition: "publish", id: ID, baseVersion: 3 })],
  ["schedule", () => articleActions.transitionArticleAction({ transition: "schedule", id: ID, baseVersion: 3, publishAt: "2030-01-02T10:00" })],
  ["restore", () => articleActions.restoreRevisionAction({ id: ID, baseVersion: 3, revisionVersion: 1 })],
  ["claim lease", () => articleActions.claimLeaseAction({ id: ID })],
  ["release lease", () => articleActions.releaseLeaseAction({ id: ID })],
  ["decide report (editor)", () => editorReportActions.decideTypoReportFromEditorAction({ decision: "reject", id: ID })],
];

/** The form actions: each answers a form state carrying the outage message. */
const formCalls: [string, () => Promise<{ message?: string }>][] = [
  ["create user", () => userActions.createUserAction(initialActionState, form({ name: "New Person", email: "new@newsdesk.test", role: "AUTHOR", passwordMode: "generate" }))],
  ["change role", () => userActions.changeRoleAction(initialActionState, form({ userId: OTHER_ID, role: "EDITOR" }))],
  ["deactivate", () => userActions.setActiveAction(initialActionState, form({ userId: OTHER_ID, intent: "deactivate" }))],
  ["reset password", () => userActions.resetPasswordAction(initialActionState, form({ userId: OTHER_ID, passwordMode: "generate" }))],
  ["sign a user out everywhere", () => userActions.signOutUserEverywhereAction(initialActionState, form({ userId: OTHER_ID }))],
  [
    "change own password",
    () => accountActions.changeOwnPasswordAction(initialActionState, form({ currentPassword: "old-pass-123", newPassword: "a-new-long-passphrase", confirmPassword: "a-new-long-passphrase" })),
  ],
  ["decide report (queue)", () => reportActions.decideTypoReportAction(initialActionState, form({ id: ID, decision: "reject" }))],
  ["create section", () => sectionActions.createSectionAction({}, form({ name: "Outages" }))],
  ["update section", () => sectionActions.updateSectionAction({}, form({ id: ID, name: "Outages" }))],
  ["move section", () => sectionActions.moveSectionAction({}, form({ id: ID, direction: "up" }))],
  ["delete section", () => sectionActions.deleteSectionAction({}, form({ id: ID }))],
  ["create share link", () => shareActions.createShareLinkAction({}, form({ articleId: ID, lifetime: "1h" }))],
];

describe("server actions while the database is unreachable", () => {
  it.each(editorCalls)("editor %s answers a typed 'unavailable' result", async (_label, call) => {
    await expect(call()).resolves.toEqual({ ok: false, reason: "unavailable", message: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it.each(formCalls)("%s answers the outage message", async (_label, call) => {
    const state = await call();
    expect(state.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
  });

  it("revoking a share link does not throw (the link stays listed)", async () => {
    await expect(shareActions.revokeShareLinkAction(form({ articleId: ID, linkId: OTHER_ID }))).resolves.toBeUndefined();
  });

  it("sign-in is refused with a clear message, not 'wrong password'", async () => {
    const state = await signInWithPasswordAction(initialActionState, form({ email: "admin@newsdesk.test", password: "demo-admin-pass" }));
    expect(state).toMatchObject({ status: "error", message: SIGN_IN_UNAVAILABLE_MESSAGE, values: { email: "admin@newsdesk.test" } });
  });

  it("'sign out everywhere' says it could not, and keeps this browser signed in", async () => {
    const outcome = await signOutEverywhereAction().then(
      () => null,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(Redirected);
    expect((outcome as Redirected).url).toBe("/admin/account?everywhere=unavailable");
  });

  it("the proxy's session check answers 'unknown' instead of throwing", async () => {
    await expect(checkSession({ sub: ID, sid: ID, sv: 1 })).resolves.toBe("unknown");
  });
});
