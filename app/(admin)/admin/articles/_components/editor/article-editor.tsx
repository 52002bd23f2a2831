"use client";

import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { bodyToPlainText } from "@/lib/content/body-text";
import { fieldsFingerprint } from "@/lib/content/form-fields";
import type { SaveArticleResult } from "@/lib/data/articles/save-article";
import { formatDateTime, toLocalInputValue } from "@/lib/format-clock";
import { slugify } from "@/lib/slug";
import { articleDraftSchema, articleSaveSchema, type ArticleFormFields, toFieldErrors } from "@/lib/validations/article";
import type { ActionFailure } from "../../_actions/action-types";
import { autosaveArticleAction, createArticleAction, saveArticleAction, transitionArticleAction } from "../../_actions/article-actions";
import { ConflictView } from "./conflict-view";
import { EditorBanners, type EditorNotice } from "./editor-banners";
import { EditorForm } from "./editor-form";
import { peekEditorHandoff, setEditorHandoff, updateEditorHandoff } from "./editor-handoff";
import type { EditorInitial } from "./editor-initial";
import { clearLocalDraft, localDraftKey } from "./local-draft";
import type { SectionOption } from "./metadata-fields";
import { SaveStatus } from "./save-status";
import { type AutosaveOutcome, useAutosave } from "./use-autosave";
import { useBeforeUnload } from "./use-before-unload";
import { useEditLease } from "./use-edit-lease";
import { useConflict } from "./use-conflict";
import { type LiveState, useEditorText } from "./use-editor-text";
import { captureFocus, useHandoffEffects } from "./use-handoff-effects";
import { useLocalCopy } from "./use-local-copy";
import { useRecovery } from "./use-recovery";
import { type EditorReport, TypoReportPanel } from "./typo-report-panel";
import { type TransitionRequestInput, WorkflowPanel } from "./workflow-panel";
import "./editor.css";

export interface ArticleEditorProps {
  mode: "new" | "edit";
  userId: string;
  timeZone: string;
  sections: SectionOption[];
  languages: { code: string; label: string }[];
  initial: EditorInitial;
  /** A reader's typo report opened with the story (?report=<id>). */
  typoReport?: { report: EditorReport; canDecide: boolean } | null;
}

/**
 * The story editor. Holds the user's text and never lets go of it: every
 * change goes to localStorage at once and to the server's autosave within
 * seconds; a save carries the version it was based on, and a conflict
 * shows both texts instead of overwriting either.
 */
export function ArticleEditor({ mode, userId, timeZone, sections, languages, initial, typoReport }: ArticleEditorProps) {
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
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [slugSuggestion, setSlugSuggestion] = useState<string>();
  const [notice, setNotice] = useState<EditorNotice | null>(null);
  const [staleVersion, setStaleVersion] = useState<number | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [isCopied, setIsCopied] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  const [bodyEditor, setBodyEditor] = useState<Editor | null>(null);
  const text = useEditorText(start, editorRef, (touched) => {
    autosave.notifyChange();
    localCopy.schedule();
    if (touched.some((key) => errors[key])) setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !touched.includes(key))));
  });
  const { fields, tagsText, isSlugAuto, baseVersion, isDirty, latest } = text;
  const handedOverTo = useRef<string | null>(null);
  const localKey = localDraftKey(userId, articleId);

  const recovery = useRecovery({ initial, localKey, isHandedOver: Boolean(handoff), text, onMessage: setNotice });
  const resolution = useConflict({
    text,
    editorRef,
    onTheirsTaken: (version) => {
      clearLocalDraft(localKey);
      autosave.markAllSaved(new Date());
      setNotice({ kind: "info", text: `You now have version ${version}.` });
    },
  });
  const { conflict, isMerging } = resolution;

  const { lease, takeOver } = useEditLease({ articleId: articleId ?? "", canEdit: mode === "edit" && initial.permissions.canEdit });
  const hasLease = mode === "new" || lease.state === "mine";
  // Someone saved while this editor was only reading: start from their version, not an old one.
  const behindVersion = lease.state === "mine" && lease.version > baseVersion && !isDirty && !conflict ? lease.version : null;
  // Autosave keeps running when someone takes the story over: the text is still this user's.
  const canWrite = initial.permissions.canEdit && !recovery.isPending;
  const canType = canWrite && hasLease && behindVersion === null;

  const autosave = useAutosave({
    run: runAutosave,
    enabled: canWrite,
    initialState: handoff?.savedAt ? { kind: "saved", at: new Date(handoff.savedAt) } : { kind: "clean" },
  });
  useBeforeUnload(isDirty);
  const localCopy = useLocalCopy(
    () => {
      const snapshot = latest.current;
      if (!snapshot.isDirty) return null;
      const id = handedOverTo.current ?? articleId;
      return { key: localDraftKey(userId, id), draft: { articleId: id, baseVersion: snapshot.baseVersion, fields: snapshot.fields, savedAt: new Date().toISOString() } };
    },
    () => setNotice({ kind: "error", text: "This story is too large to keep a copy in this browser. Save it to the server before closing the tab." }),
  );
  useHandoffEffects({ handoff, articleId, handedOverTo, readLatest: () => latest.current, onResumeDirty: () => autosave.notifyChange() });

  function handOver(created: SaveArticleResult, sentFields: ArticleFormFields): void {
    const snapshot = latest.current;
    const current = { ...snapshot.fields, slug: created.slug };
    const isStillDirty = fieldsFingerprint(current) !== fieldsFingerprint({ ...sentFields, slug: created.slug });
    handedOverTo.current = created.id;
    text.adopt({ fields: current, baseVersion: created.version, isDirty: isStillDirty });
    setEditorHandoff({ articleId: created.id, ...latest.current, savedAt: new Date(created.savedAt).getTime(), focus: captureFocus(), createdAt: Date.now() });
    clearLocalDraft(localDraftKey(userId, null));
    localCopy.flush();
    router.replace(`/admin/articles/${created.id}`);
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
      text.update({ slug: result.slugSuggestion }, { isSlugAuto: false });
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
    if (result.reason === "conflict" && result.conflict) resolution.open(result.conflict);
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
    // A draft autosave created a moment ago (this editor is handing over to its page) is saved, not created again.
    const id = articleId ?? handedOverTo.current;
    const base = options.baseVersion ?? snapshot.baseVersion;
    const result = await (id ? saveArticleAction({ id, baseVersion: base, fields: sentFields }) : createArticleAction({ fields: sentFields })).catch(() => null);
    setIsBusy(false);
    if (!result) {
      autosave.setState({ kind: "offline" });
      localCopy.flush();
      setNotice({ kind: "error", text: "Not saved: the server cannot be reached. Your changes are kept in this browser; save again when you are back online." });
      return false;
    }
    if (!result.ok) {
      if (result.reason === "invalid" && result.slugSuggestion && snapshot.isSlugAuto && !options.isRetry) {
        text.update({ slug: result.slugSuggestion }, { isSlugAuto: false });
        return save({ ...options, isRetry: true });
      }
      showFailure(result);
      return false;
    }
    const saved = result.data;
    setErrors({});
    setSlugSuggestion(undefined);
    resolution.close();
    setStaleVersion(null);
    const isStillDirty = fieldsFingerprint(latest.current.fields) !== fieldsFingerprint(sentFields);
    if (!id) {
      handOver(saved, sentFields);
      return true;
    }
    if (!articleId) {
      text.adopt({ baseVersion: saved.version, isDirty: isStillDirty });
      updateEditorHandoff(id, { baseVersion: saved.version, isDirty: isStillDirty });
      return true;
    }
    text.adopt({ fields: { ...latest.current.fields, slug: saved.slug }, baseVersion: saved.version, isDirty: isStillDirty });
    if (isStillDirty) {
      autosave.notifyChange();
    } else {
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
    text.adopt({ fields: { ...latest.current.fields, publishedAt }, baseVersion: result.data.version });
    setErrors({});
    setNotice({ kind: "success", text: result.message ?? "Done." });
    router.refresh();
    return true;
  }

  async function copyMine(): Promise<void> {
    const { title, lead, body } = latest.current.fields;
    await navigator.clipboard?.writeText([title, lead, bodyToPlainText(body)].filter(Boolean).join("\n\n")).catch(() => undefined);
    setIsCopied(true);
  }

  const bodyErrors = articleDraftSchema.shape.body.safeParse(fields.body).error?.issues.map((i) => i.message) ?? errors.body;
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
        <EditorBanners
          timeZone={timeZone}
          status={status}
          initial={initial}
          isEditMode={mode === "edit"}
          isBusy={isBusy || recovery.isBusy}
          recovery={recovery.banner}
          lease={lease}
          onTakeOver={() => void takeOver()}
          onCopyMine={() => void copyMine()}
          isCopied={isCopied}
          behindVersion={behindVersion}
          staleVersion={conflict ? null : staleVersion}
          notice={notice}
        />
        {conflict && (
          <ConflictView
            theirs={conflict}
            mine={fields}
            timeZone={timeZone}
            sectionName={(id) => sections.find((s) => s.id === id)?.name ?? "(none)"}
            isBusy={isBusy}
            isMerging={isMerging}
            onKeepMine={() => void save({ baseVersion: conflict.version })}
            onTakeTheirs={resolution.takeTheirs}
            onMerge={resolution.startMerge}
            onShowComparison={resolution.showComparison}
            onUseTheirs={resolution.applyTheirs}
          />
        )}
        <EditorForm
          fields={fields}
          tagsText={tagsText}
          errors={errors}
          bodyErrors={bodyErrors}
          initialBody={start.fields.body}
          canType={canType}
          sections={sections}
          languages={languages}
          timeZone={timeZone}
          isSlugAuto={isSlugAuto}
          slugSuggestion={slugSuggestion}
          canSetPublicationTime={initial.permissions.canSetPublicationTime}
          publishedAtLabel={initial.publishedAt ? formatDateTime(new Date(initial.publishedAt), timeZone) : null}
          onSubmit={onSubmit}
          onChange={text.update}
          onEditorReady={(editor) => {
            editorRef.current = editor;
            setBodyEditor(editor);
          }}
        />
      </div>
      {mode === "edit" && articleId && (
        <aside className="editor__side">
          {typoReport && (
            <TypoReportPanel
              report={typoReport.report}
              canDecide={typoReport.canDecide}
              timeZone={timeZone}
              bridge={{
                editor: bodyEditor,
                canType,
                isBusy,
                readFields: () => latest.current.fields,
                updateFields: (patch) => text.update(patch),
                saveChanges: () => (latest.current.isDirty ? save() : Promise.resolve(true)),
                readVersion: () => latest.current.baseVersion,
              }}
            />
          )}
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
