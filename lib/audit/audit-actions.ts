/**
 * Every kind of audit event, with the label the audit log shows. Add new
 * actions here (entity first, then verb: "article.publish"); the type and the
 * log's filter follow. Safe for client bundles.
 */
export const AUDIT_ACTION_LABELS = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "auth.sign_out_everywhere": "Signed out everywhere",
  "auth.sign_out": "Signed out",
  "auth.session_revoke": "Session ended",
  "auth.sign_in_locked": "Sign-in locked for unknown devices",
  "auth.second_factor_failed": "Second factor refused",
  "auth.totp_enable": "Authenticator app added",
  "auth.totp_disable": "Authenticator app removed",
  "auth.recovery_codes_generate": "Recovery codes generated",
  "auth.recovery_code_use": "Recovery code used",
  "auth.passkey_add": "Passkey added",
  "auth.passkey_remove": "Passkey removed",
  "auth.two_factor_reset": "Two-factor reset by an admin",
  "setting.update": "Setting changed",
  "auth.password_change": "Changed own password",
  "user.create": "Account created",
  "user.role_change": "Role changed",
  "user.deactivate": "Account deactivated",
  "user.reactivate": "Account reactivated",
  "user.password_reset": "Password reset by an admin",
  "article.create": "Story created",
  "article.save": "Story saved",
  "article.submit": "Submitted for review",
  "article.publish": "Published",
  "article.schedule": "Scheduled",
  "article.unpublish": "Unpublished",
  "article.return_to_draft": "Sent back to draft",
  "article.restore_revision": "Revision restored",
  "article.take_over_editing": "Editing taken over",
  "article.preview_link_create": "Share link created",
  "article.preview_link_revoke": "Share link revoked",
  "typo_report.accept": "Typo report accepted",
  "typo_report.reject": "Typo report rejected",
  "typo_report.mark_duplicate": "Typo report marked duplicate",
  "typo_report.reopen": "Typo report reopened",
  "section.create": "Section created",
  "section.update": "Section changed",
  "section.reorder": "Section moved",
  "section.delete": "Section deleted",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && Object.hasOwn(AUDIT_ACTION_LABELS, value);
}

/** What an audit event is about. */
export type AuditEntityType = "user" | "article" | "section" | "tag" | "typo_report" | "preview_link" | "setting";

/** Why a sign-in was refused (stored in the event's data). */
export type SignInFailureReason = "wrong_password" | "unknown_account" | "inactive" | "throttled" | "locked";
