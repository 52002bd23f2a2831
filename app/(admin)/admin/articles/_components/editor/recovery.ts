import { fieldsFingerprint } from "@/lib/content/form-fields";
import type { EditorInitial } from "./editor-initial";
import { readLocalDraft } from "./local-draft";
import type { RecoveryOffer } from "./recovery-banner";

/**
 * The newest unsaved typing that differs from the stored story: the
 * server's autosave or this browser's copy (which can be newer when the
 * network or the server was down). Null when there is nothing to offer.
 */
export function findRecoveryOffer(localKey: string, initial: EditorInitial): RecoveryOffer | null {
  const stored = fieldsFingerprint(initial.fields);
  const candidates: RecoveryOffer[] = [];
  if (initial.autosave && fieldsFingerprint(initial.autosave.fields) !== stored) {
    candidates.push({ source: "server", savedAt: new Date(initial.autosave.savedAt), baseVersion: initial.autosave.baseVersion, fields: initial.autosave.fields });
  }
  const local = readLocalDraft(localKey);
  if (local && (local.articleId ?? null) === initial.articleId && fieldsFingerprint(local.fields) !== stored && hasContent(local.fields)) {
    candidates.push({ source: "device", savedAt: new Date(local.savedAt), baseVersion: local.baseVersion, fields: local.fields });
  }
  return candidates.sort((a, b) => b.savedAt.getTime() - a.savedAt.getTime())[0] ?? null;
}

function hasContent(fields: RecoveryOffer["fields"]): boolean {
  return Boolean(fields.title.trim() || fields.lead.trim() || fields.summary.trim() || fields.body.replace(/<[^>]*>/g, "").trim());
}
