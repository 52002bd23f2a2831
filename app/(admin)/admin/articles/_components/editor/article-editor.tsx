"use client";

import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { bodyToPlainText, countWords } from "@/lib/content/body-text";
import { fieldsFingerprint } from "@/lib/content/form-fields";
import { STATUS_LABELS } from "@/lib/content/workflow";
import type { ArticleServerState } from "@/lib/data/articles/article-record";
import type { SaveArticleResult } from "@/lib/data/articles/save-article";
import { formatDateTime, formatWhen, toLocalInputValue } from "@/lib/format-clock";
import { slugify } from "@/lib/slug";
import { ARTICLE_LIMITS, articleDraftSchema, articleSaveSchema, type ArticleFormFields, toFieldErrors } from "@/lib/validations/article";
import type { ActionFailure } from "../../_actions/action-types";
import { autosaveArticleAction, createArticleAction, discardAutosaveAction, saveArticleAction, transitionArticleAction } from "../../_actions/article-actions";
import { ConflictView } from "./conflict-view";
import { clearEditorHandoff, type EditorHandoff, peekEditorHandoff, setEditorHandoff, updateEditorHandoff } from "./editor-handoff";
import type { EditorInitial } from "./editor-initial";
import { Field } from "./field";
import { LeaseBanner } from "./lease-banner";
import { clearLocalDraft, localDraftKey, writeLocalDraft } from "./local-draft";
import { MetadataFields, type SectionOption } from "./metadata-fields";
import { findRecoveryOffer } from "./recovery";
import { RecoveryBanner } from "./recovery-banner";
import { RichTextEditor } from "./rich-text-editor";
import { SaveStatus } from "./save-status";
import { type AutosaveOutcome, useAutosave } from "./use-autosave";
import { useBeforeUnload } from "./use-before-unload";
import { useEditLease } from "./use-edit-lease";
import { type TransitionRequestInput, WorkflowPanel } from "./workflow-panel";
import "./editor.css";

export interface ArticleEditorProps {
  mode: "new" | "edit";
  userId: string;
  timeZone: string;
  sections: SectionOption[];
  languages: { code: string; label: string }[];
  initial: EditorInitial;
}

type Notice = { kind: "success" | "error" | "info"; text: string };

/** The editor's live text, mirrored in a ref so async work always sees the latest. */
interface LiveState {
  fields: ArticleFormFields;
  tagsText: string;
  baseVersion: number;
  isDirty: boolean;
  isSlugAuto: boolean;
}

const subscribeToNothing = () => () => {};

function captureFocus(): EditorHandoff["focus"] {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    return active.id ? { kind: "input", id: active.id, start: active.selectionStart, end: active.selectionEnd } : null;
  }
  return null;
}

/**
 * The story editor. Holds the user's text and never lets go of it: every
 * change goes to localStorage at once and to the server's autosave within
 * seconds; a save carries the version it was based on, and a conflict
 * shows both texts instead of overwriting either.
 */
export function ArticleEditor({ mode, userId, timeZone, sections, languages, initial }: ArticleEditorProps) {
  const router = useRouter();
  const articleId = initial.articleId;
  const [handoff] = useState(() => peekEditorHandoff(articleId));
  const start: LiveState = handoff
    ? { fields: handoff.fields, tagsText: handoff.tagsText, baseVersion: handoff.baseVersion, isDirty: handoff.isDirty, isSlugAuto: handoff.isSlugAuto }
    : {
        fields: initial.fields,
        tagsText: initial.fields.tags.join(", "),
        baseVersion: initial.version,
        isDirty: false,
        isSlugAuto: mode === "new" || (!initial.publishedAt && initial.fields.slug === slugify(initial.fields.title)),
      };
  const [fields, setFields] = useState<ArticleFormFields>(start.fields);
  const [tagsText, setTagsText] = useState(start.tagsText);
  const [isSlugAuto, setIsSlugAuto] = useState(start.isSlugAuto);
  const [baseVersion, setBaseVersion] = useState(start.baseVersion);
  const [isDirty, setIsDirty] = useState(start.isDirty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [slugSuggestion, setSlugSuggestion] = useState<string>();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<ArticleServerState | null>(null);
  const [isMerging, setIsMerging] = useState(false);
  const [staleVersion, setStaleVersion] = useState<number | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isRecoveryDecided, setIsRecoveryDecided] = useState(Boolean(handoff));
  const [isCopied, setIsCopied] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  const latest = useRef<LiveState>({ ...start });
  const handedOverTo = useRef<string | null>(null);
  const localTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const localKey = localDraftKey(userId, articleId);

  // localStorage exists only in the browser: the offer is computed once, after hydration.
  const isClient = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [recoveryOffer] = useState(() => (handoff || typeof window === "undefined" ? null : findRecoveryOffer(localKey, initial)));
  const isRecoveryPending = !isRecoveryDecided && (!isClient || recoveryOffer !== null);

  const { lease, takeOver } = useEditLease({ articleId: articleId ?? "", canEdit: mode === "edit" && initial.permissions.canEdit });
  const hasLease = mode === "new" || lease.state === "mine";
  // Someone saved while this editor was only reading: start from their version, not an old one.
  const isBehind = lease.state === "mine" && lease.version > baseVersion && !isDirty && !conflict;
  const canWrite = initial.permissions.canEdit && !isRecoveryPending;
  const canType = canWrite && hasLease && !isBehind;

  const autosave = useAutosave({
    run: runAutosave,
    enabled: canWrite,
    initialState: handoff?.savedAt ? { kind: "saved", at: new Date(handoff.savedAt) } : { kind: "clean" },
  });
  useBeforeUnload(isDirty);

  // ---- local copy -----------------------------------------------------------
  function flushLocalCopy(): void {
    if (localTimer.current) clearTimeout(localTimer.current);
    localTimer.current = null;
    const snapshot = latest.current;
    if (!snapshot.isDirty) return;
    const key = localDraftKey(userId, handedOverTo.current ?? articleId);
    const outcome = writeLocalDraft(key, { articleId: handedOverTo.current ?? articleId, baseVersion: snapshot.baseVersion, fields: snapshot.fields, savedAt: new Date().toISOString() });
    if (outcome === "too-large") setNotice({ kind: "error", text: "This story is too large to keep a copy in this browser. Save it to the server before closing the tab." });
  }

  function scheduleLocalCopy(): void {
    localTimer.current ??= setTimeout(flushLocalCopy, 300);
  }

  useEffect(() => {
    const onHide = () => flushLocalCopy();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flushLocalCopy();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      flushLocalCopy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- flushes read the latest state through refs
  }, []);

  // ---- hand-over from /new to /<id> -----------------------------------------
  useEffect(() => {
    if (!handoff || !articleId) return;
    clearEditorHandoff(articleId);
    if (handoff.isDirty) autosave.notifyChange();
    const focus = handoff.focus;
    if (focus?.kind === "input") {
      const element = document.getElementById(focus.id);
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
        element.focus();
        if (focus.start !== null) element.setSelectionRange(focus.start, focus.end ?? focus.start);
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on the first mount after the hand-over
  }, []);

  useLayoutEffect(
    () => () => {
      const target = handedOverTo.current;
      if (!target) return;
      const snapshot = latest.current;
      updateEditorHandoff(target, { fields: snapshot.fields, tagsText: snapshot.tagsText, isSlugAuto: snapshot.isSlugAuto, isDirty: snapshot.isDirty, focus: captureFocus() });
    },
    [],
  );

  function handOver(created: SaveArticleResult, sentFields: ArticleFormFields): void {
    const snapshot = latest.current;
    const current = { ...snapshot.fields, slug: created.slug };
    const isStillDirty = fieldsFingerprint(current) !== fieldsFingerprint({ ...sentFields, slug: created.slug });
    handedOverTo.current = created.id;
    latest.current = { ...snapshot, fields: current, baseVersion: created.version, isDirty: isStillDirty };
    setEditorHandoff({
      articleId: created.id,
      baseVersion: created.version,
      fields: current,
      tagsText: snapshot.tagsText,
      isSlugAuto: snapshot.isSlugAuto,
      isDirty: isStillDirty,
      savedAt: new Date(created.savedAt).getTime(),
      focus: captureFocus(),
      createdAt: Date.now(),
    });
    clearLocalDraft(localDraftKey(userId, null));
    if (isStillDirty) flushLocalCopy();
    router.replace(`/admin/articles/${created.id}`);
  }

  // ---- field updates --------------------------------------------------------
  function commit(next: LiveState, options: { isUserEdit: boolean }): void {
    latest.current = next;
    setFields(next.fields);
    setTagsText(next.tagsText);
    setIsSlugAuto(next.isSlugAuto);
    if (options.isUserEdit) {
      setIsDirty(true);
      autosave.notifyChange();
      scheduleLocalCopy();
    }
  }

  function updateFields(patch: Partial<ArticleFormFields>, extra: { tagsText?: string; isSlugAuto?: boolean } = {}): void {
    const snapshot = latest.current;
    const isSlugAutoNext = extra.isSlugAuto ?? snapshot.isSlugAuto;
    const nextFields = { ...snapshot.fields, ...patch };
    if (isSlugAutoNext && (patch.title !== undefined || extra.isSlugAuto)) nextFields.slug = slugify(nextFields.title);
    commit({ ...snapshot, fields: nextFields, tagsText: extra.tagsText ?? snapshot.tagsText, isSlugAuto: isSlugAutoNext, isDirty: true }, { isUserEdit: true });
    const touched = Object.keys(patch);
    if (touched.some((key) => errors[key])) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !touched.includes(key))));
  }

  /** Replaces every field (restore, take theirs), body included. */
  function replaceAllFields(next: ArticleFormFields, options: { isUserEdit: boolean }): void {
    editorRef.current?.commands.setContent(next.body, { emitUpdate: false });
    const body = editorRef.current ? editorRef.current.getHTML() : next.body;
    const nextFields = { ...next, body: next.body === "" ? "" : body };
    commit({ ...latest.current, fields: nextFields, tagsText: next.tags.join(", "), isSlugAuto: false, isDirty: options.isUserEdit || latest.current.isDirty }, options);
  }

  // ---- autosave -------------------------------------------------------------
  async function runAutosave(): Promise<AutosaveOutcome> {
    const snapshot = latest.current;
    if (handedOverTo.current) return { kind: "stopped" };
    const draft = articleDraftSchema.safeParse(snapshot.fields);
    if (!draft.success) return { kind: "failed", reason: `${draft.error.issues[0]?.message ?? "check the highlighted fields"}.`, retry: false };
    if (!articleId) {
      if (!articleSaveSchema.safeParse(snapshot.fields).success) return { kind: "local-only", reason: "add a headline and choose a section to save a draft" };
      const result = await createArticleAction({ fields: snapshot.fields });
      if (!result.ok) return autosaveFailure(result);
      handOver(result.data, snapshot.fields);
      return { kind: "stopped" };
    }
    const result = await autosaveArticleAction({ id: articleId, baseVersion: snapshot.baseVersion, fields: snapshot.fields });
    if (!result.ok) return autosaveFailure(result);
    if (result.data.isStale) setStaleVersion(result.data.currentVersion);
    return { kind: "saved", at: new Date(result.data.savedAt) };
  }

  function autosaveFailure(result: ActionFailure): AutosaveOutcome {
    if (result.reason === "invalid" && result.slugSuggestion && latest.current.isSlugAuto) {
      updateFields({ slug: result.slugSuggestion }, { isSlugAuto: false });
      return { kind: "superseded" };
    }
    if (result.reason === "invalid") {
      setErrors(result.errors ?? {});
      setSlugSuggestion(result.slugSuggestion);
    }
    return { kind: "failed", reason: result.message, retry: result.reason === "error" };
  }

  // ---- explicit save --------------------------------------------------------
  function showFailure(result: ActionFailure): void {
    if (result.reason === "invalid") {
      setErrors(result.errors ?? {});
      setSlugSuggestion(result.slugSuggestion);
    }
    if (result.reason === "conflict" && result.conflict) {
      setConflict(result.conflict);
      setIsMerging(false);
    }
    setNotice({ kind: "error", text: result.reason === "conflict" ? `Not saved: ${result.message}` : result.message });
  }

  async function save(options: { baseVersion?: number; isRetry?: boolean } = {}): Promise<boolean> {
    await autosave.settle();
    const snapshot = latest.current;
    const sentFields = snapshot.fields;
    const parsed = articleSaveSchema.safeParse(sentFields);
    if (!parsed.success) {
      setErrors(toFieldErrors(parsed.error));
      setNotice({ kind: "error", text: "Not saved: some fields need attention." });
      return false;
    }
    setIsBusy(true);
    setNotice(null);
    const base = options.baseVersion ?? snapshot.baseVersion;
    // A draft created by autosave a moment ago (this editor is handing over to its page) is saved, not created again.
    const id = articleId ?? handedOverTo.current;
    const result = await (id ? saveArticleAction({ id, baseVersion: base, fields: sentFields }) : createArticleAction({ fields: sentFields })).catch(() => null);
    setIsBusy(false);
    if (!result) {
      autosave.setState({ kind: "offline" });
      flushLocalCopy();
      setNotice({ kind: "error", text: "Not saved: the server cannot be reached. Your changes are kept in this browser; save again when you are back online." });
      return false;
    }
    if (!result.ok) {
      if (result.reason === "invalid" && result.slugSuggestion && snapshot.isSlugAuto && !options.isRetry) {
        updateFields({ slug: result.slugSuggestion }, { isSlugAuto: false });
        return save({ ...options, isRetry: true });
      }
      showFailure(result);
      return false;
    }
    const saved = result.data;
    setErrors({});
    setSlugSuggestion(undefined);
    setConflict(null);
    setIsMerging(false);
    setStaleVersion(null);
    if (!id) {
      handOver(saved, sentFields);
      return true;
    }
    if (!articleId) {
      const isStillDirtyNow = fieldsFingerprint(latest.current.fields) !== fieldsFingerprint(sentFields);
      latest.current = { ...latest.current, baseVersion: saved.version, isDirty: isStillDirtyNow };
      updateEditorHandoff(id, { baseVersion: saved.version, isDirty: isStillDirtyNow });
      return true;
    }
    const isStillDirty = fieldsFingerprint(latest.current.fields) !== fieldsFingerprint(sentFields);
    const fieldsNow = { ...latest.current.fields, slug: saved.slug };
    commit({ ...latest.current, fields: fieldsNow, baseVersion: saved.version, isDirty: isStillDirty }, { isUserEdit: false });
    setBaseVersion(saved.version);
    if (isStillDirty) {
      autosave.notifyChange();
    } else {
      setIsDirty(false);
      clearLocalDraft(localKey);
      autosave.markAllSaved(new Date(saved.savedAt));
    }
    setNotice({ kind: "success", text: result.message ?? "Saved." });
    return true;
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    void save();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      if (canType && !isBusy) void save();
    }
  }

  // ---- workflow ---------------------------------------------------------------
  async function runTransition(request: TransitionRequestInput): Promise<boolean> {
    if (!articleId) return false;
    if (latest.current.isDirty && !(await save())) return false;
    setIsBusy(true);
    setNotice(null);
    const result = await transitionArticleAction({ ...request, id: articleId, baseVersion: latest.current.baseVersion }).catch(() => null);
    setIsBusy(false);
    if (!result) {
      setNotice({ kind: "error", text: "The server cannot be reached. Nothing was changed; try again when you are back online." });
      return false;
    }
    if (!result.ok) {
      showFailure(result);
      return false;
    }
    // The server sets the publication time (publish now, schedule): the form follows it.
    const publishedAt = result.data.publishedAt ? toLocalInputValue(new Date(result.data.publishedAt), timeZone) : "";
    commit({ ...latest.current, fields: { ...latest.current.fields, publishedAt }, baseVersion: result.data.version }, { isUserEdit: false });
    setBaseVersion(result.data.version);
    setErrors({});
    setNotice({ kind: "success", text: result.message ?? "Done." });
    router.refresh();
    return true;
  }

  // ---- recovery -------------------------------------------------------------
  function restoreRecovery(): void {
    if (!recoveryOffer) return;
    replaceAllFields(recoveryOffer.fields, { isUserEdit: true });
    latest.current = { ...latest.current, baseVersion: recoveryOffer.baseVersion };
    setBaseVersion(recoveryOffer.baseVersion);
    setIsRecoveryDecided(true);
    setNotice({
      kind: "info",
      text:
        recoveryOffer.baseVersion < initial.version
          ? `Restored. These changes started from version ${recoveryOffer.baseVersion}; the story is now at version ${initial.version}, so saving will show you both to compare.`
          : "Restored. Save to keep them as a new version.",
    });
  }

  async function discardRecovery(): Promise<void> {
    if (articleId) {
      setIsBusy(true);
      const result = await discardAutosaveAction({ id: articleId }).catch(() => null);
      setIsBusy(false);
      if (!result?.ok) {
        setNotice({ kind: "error", text: "Could not discard them on the server; try again." });
        return;
      }
    }
    clearLocalDraft(localKey);
    setIsRecoveryDecided(true);
  }

  // ---- conflict ---------------------------------------------------------------
  function takeTheirs(): void {
    if (!conflict) return;
    replaceAllFields(conflict.fields, { isUserEdit: false });
    latest.current = { ...latest.current, baseVersion: conflict.version, isDirty: false };
    setBaseVersion(conflict.version);
    setIsDirty(false);
    clearLocalDraft(localKey);
    autosave.markAllSaved(new Date());
    setConflict(null);
    setNotice({ kind: "info", text: `You now have version ${conflict.version}.` });
  }

  function applyTheirs(field: keyof ArticleFormFields): void {
    if (!conflict) return;
    if (field === "body") {
      editorRef.current?.commands.setContent(conflict.fields.body, { emitUpdate: false });
      updateFields({ body: editorRef.current?.getHTML() ?? conflict.fields.body });
    } else if (field === "tags") {
      updateFields({ tags: conflict.fields.tags }, { tagsText: conflict.fields.tags.join(", ") });
    } else {
      updateFields({ [field]: conflict.fields[field] }, field === "slug" ? { isSlugAuto: false } : {});
    }
  }

  function startMerge(): void {
    if (!conflict) return;
    latest.current = { ...latest.current, baseVersion: conflict.version };
    setBaseVersion(conflict.version);
    setIsMerging(true);
  }

  async function copyMine(): Promise<void> {
    const { title, lead, body } = latest.current.fields;
    await navigator.clipboard?.writeText([title, lead, bodyToPlainText(body)].filter(Boolean).join("\n\n")).catch(() => undefined);
    setIsCopied(true);
  }

  const wordCount = useMemo(() => countWords(bodyToPlainText(fields.body)), [fields.body]);
  const bodyErrors = fields.body.length > ARTICLE_LIMITS.body ? (articleDraftSchema.shape.body.safeParse(fields.body).error?.issues.map((i) => i.message) ?? []) : errors.body;
  const sectionName = (id: string) => sections.find((s) => s.id === id)?.name ?? "(none)";
  const status = initial.effectiveStatus;

  return (
    <div className="editor" onKeyDown={onKeyDown}>
      <div className="editor__main">
        <header className="editor__header">
          <h1>{mode === "new" ? "New story" : "Edit story"}</h1>
          <div className="editor__save">
            <SaveStatus state={autosave.state} timeZone={timeZone} />
            <button type="submit" form="article-form" className="button button--primary" disabled={!canType || isBusy}>
              {isBusy ? "Working…" : mode === "new" ? "Save draft" : isMerging ? "Save merged version" : "Save"}
            </button>
          </div>
        </header>
        {isClient && recoveryOffer && !isRecoveryDecided && (
          <RecoveryBanner offer={recoveryOffer} timeZone={timeZone} isBusy={isBusy} onRestore={restoreRecovery} onDiscard={() => void discardRecovery()} />
        )}
        {mode === "edit" && initial.permissions.canEdit && (
          <LeaseBanner lease={lease} timeZone={timeZone} onTakeOver={() => void takeOver()} onCopyMine={() => void copyMine()} copied={isCopied} />
        )}
        {isBehind && lease.state === "mine" && (
          <section className="notice notice--info" aria-labelledby="behind-title">
            <h2 id="behind-title">A newer version ({lease.version}) was saved while you were reading</h2>
            <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
              Load the latest version
            </button>
          </section>
        )}
        {!initial.permissions.canEdit && (
          <p className="notice notice--info">
            This story is {STATUS_LABELS[status].toLowerCase()}: you can read it but not change it{status === "IN_REVIEW" ? " while an editor reviews it" : ""}.
          </p>
        )}
        {initial.returnNote && (
          <section className="notice notice--warning" aria-labelledby="return-note-title">
            <h2 id="return-note-title">
              Sent back to draft{initial.returnNote.by ? ` by ${initial.returnNote.by}` : ""} at {formatWhen(new Date(initial.returnNote.at), timeZone)}
            </h2>
            <p className="notice__quote">{initial.returnNote.note}</p>
          </section>
        )}
        {staleVersion !== null && !conflict && (
          <p className="notice notice--warning">
            Someone saved this story since you opened it (it is now at version {staleVersion}). Your changes are kept; when you save, you can compare both and merge.
          </p>
        )}
        {notice && (
          <p className={`notice notice--${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"} data-testid="editor-notice">
            {notice.text}
          </p>
        )}
        {conflict && (
          <ConflictView
            theirs={conflict}
            mine={fields}
            timeZone={timeZone}
            sectionName={sectionName}
            isBusy={isBusy}
            isMerging={isMerging}
            onKeepMine={() => void save({ baseVersion: conflict.version })}
            onTakeTheirs={takeTheirs}
            onMerge={startMerge}
            onShowComparison={() => setIsMerging(false)}
            onUseTheirs={applyTheirs}
          />
        )}
        <form id="article-form" className="form editor__form" onSubmit={onSubmit} noValidate>
          <fieldset className="editor__fieldset" disabled={!canType}>
            <Field id="article-title" label="Headline" errors={errors.title} className="field--title">
              {(aria) => <input {...aria} type="text" autoComplete="off" value={fields.title} onChange={(e) => updateFields({ title: e.target.value })} />}
            </Field>
            <div className="field">
              <span className="field__label" id="article-body-label">
                Body <span className="muted">({wordCount.toLocaleString("en-US")} words)</span>
              </span>
              <RichTextEditor
                initialHtml={start.fields.body}
                isEditable={canType}
                isInvalid={Boolean(bodyErrors?.length)}
                describedBy={bodyErrors?.length ? "article-body-error" : undefined}
                onChange={(html) => updateFields({ body: html })}
                onReady={(editor) => {
                  editorRef.current = editor;
                }}
              />
              {bodyErrors?.length ? (
                <p className="field__error" id="article-body-error">
                  {bodyErrors.join(" ")}
                </p>
              ) : null}
            </div>
            <MetadataFields
              fields={fields}
              tagsText={tagsText}
              errors={errors}
              sections={sections}
              languages={languages}
              timeZone={timeZone}
              isSlugAuto={isSlugAuto}
              slugSuggestion={slugSuggestion}
              canSetPublicationTime={initial.permissions.canSetPublicationTime}
              publishedAtLabel={initial.publishedAt ? formatDateTime(new Date(initial.publishedAt), timeZone) : null}
              onChange={(patch) => updateFields(patch)}
              onSlugEdit={(slug) => updateFields({ slug }, { isSlugAuto: false })}
              onSlugReset={() => updateFields({}, { isSlugAuto: true })}
              onTagsChange={(text) => updateFields({ tags: text.split(",").map((t) => t.trim()).filter(Boolean) }, { tagsText: text })}
            />
          </fieldset>
        </form>
      </div>
      {mode === "edit" && articleId && (
        <aside className="editor__side">
          <WorkflowPanel
            articleId={articleId}
            status={status}
            publishedAt={initial.publishedAt ? new Date(initial.publishedAt) : null}
            publicPath={initial.publicPath}
            permissions={initial.permissions}
            timeZone={timeZone}
            isBusy={isBusy || !hasLease}
            isDirty={isDirty}
            errors={errors}
            onTransition={runTransition}
          />
          <p className="muted editor__meta">
            By {initial.authorName} · <span data-testid="article-version">version {baseVersion}</span>
          </p>
        </aside>
      )}
    </div>
  );
}
