"use client";

import type { Editor } from "@tiptap/react";
import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { bodyToPlainText } from "@/lib/content/body-text";
import { formatDateTime } from "@/lib/format-clock";
import { articleDraftSchema } from "@/lib/validations/article";
import { runArticleAutosave } from "./autosave-runner";
import { ConflictView } from "./conflict-view";
import { EditorBanners } from "./editor-banners";
import { EditorForm } from "./editor-form";
import { peekEditorHandoff } from "./editor-handoff";
import { type EditorInitial, getStartState } from "./editor-initial";
import { EditorSide, type OpenedTypoReport } from "./editor-side";
import { clearLocalDraft, localDraftKey } from "./local-draft";
import type { SectionOption } from "./metadata-fields";
import { OutageBanner } from "./outage-banner";
import { SaveStatus } from "./save-status";
import { useArticleSave } from "./use-article-save";
import { useAutosave } from "./use-autosave";
import { useBeforeUnload } from "./use-before-unload";
import { useConflict } from "./use-conflict";
import { useEditLease } from "./use-edit-lease";
import { useEditorFeedback } from "./use-editor-feedback";
import { useEditorText } from "./use-editor-text";
import { useHandoffEffects } from "./use-handoff-effects";
import { useLocalCopy } from "./use-local-copy";
import { useRecovery } from "./use-recovery";
import { useSaveQueue } from "./use-save-queue";
import { useTransitionRunner } from "./use-transition-runner";
import "./editor.css";
import "./rich-text.css";
import "./editor-panels.css";

export interface ArticleEditorProps {
  mode: "new" | "edit";
  userId: string;
  timeZone: string;
  sections: SectionOption[];
  languages: { code: string; label: string }[];
  initial: EditorInitial;
  /** A reader's typo report opened with the story (?report=<id>). */
  typoReport?: OpenedTypoReport | null;
}

/**
 * The story editor. Holds the user's text and never lets go of it: every
 * change goes to localStorage at once and to the server's autosave within
 * seconds; a save carries the version it was based on, and a conflict
 * shows both texts instead of overwriting either.
 */
export function ArticleEditor({ mode, userId, timeZone, sections, languages, initial, typoReport }: ArticleEditorProps) {
  const articleId = initial.articleId;
  const [handoff] = useState(() => peekEditorHandoff(articleId));
  const start = getStartState(initial, handoff, mode);
  const feedback = useEditorFeedback();
  const { errors, slugSuggestion, notice, staleVersion, isBusy } = feedback;
  const [isCopied, setIsCopied] = useState(false);
  const editorRef = useRef<Editor | null>(null);
  const [bodyEditor, setBodyEditor] = useState<Editor | null>(null);
  // The editor's parts call one another (an edit starts the autosave, an autosave may hand a new
  // story over through the save hook, a save first settles the autosave), so a few closures name a
  // part declared further down. They run only in handlers and timers, once this render has declared
  // everything; the React Compiler is off (next.config.js), so nothing memoises them on a stale value.
  /* eslint-disable react-hooks/immutability */
  const text = useEditorText(start, editorRef, (touched) => {
    autosave.notifyChange();
    localCopy.schedule();
    feedback.clearFieldErrors(touched);
  });
  // One queue for every save that met an outage: it runs the explicit save (or the autosave) again.
  const saveQueue = useSaveQueue(async (kind) => {
    if (kind === "save") await save();
    else if (!(await autosave.flush())) saveQueue.queue.clear();
  });
  /* eslint-enable react-hooks/immutability */
  const { fields, tagsText, isSlugAuto, baseVersion, isDirty, latest } = text;
  const handedOverTo = useRef<string | null>(null);
  const localKey = localDraftKey(userId, articleId);

  const recovery = useRecovery({ initial, localKey, isHandedOver: Boolean(handoff), text, onMessage: feedback.setNotice });
  const resolution = useConflict({
    text,
    editorRef,
    onTheirsTaken: (version) => {
      clearLocalDraft(localKey);
      autosave.markAllSaved(new Date());
      feedback.setNotice({ kind: "info", text: `You now have version ${version}.` });
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
    // handOver comes from the save hook further down (see above).
    run: () => runArticleAutosave({ articleId, text, isHandedOver: () => Boolean(handedOverTo.current), feedback, handOver }),
    enabled: canWrite,
    report: (outcome) => saveQueue.queue.report("autosave", outcome),
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
    () => feedback.setNotice({ kind: "error", text: "This story is too large to keep a copy in this browser. Save it to the server before closing the tab." }),
  );
  useHandoffEffects({ handoff, articleId, handedOverTo, readLatest: () => latest.current, onResumeDirty: () => autosave.notifyChange() });

  const { save, handOver, showFailure } = useArticleSave({ articleId, userId, localKey, text, handedOverTo, feedback, resolution, autosave, localCopy, queue: saveQueue.queue });
  const runTransition = useTransitionRunner({ articleId, timeZone, text, feedback, save, showFailure });

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
        <OutageBanner queue={saveQueue.state} onRetryNow={() => saveQueue.queue.retryNow()} />
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
        <EditorSide
          articleId={articleId}
          initial={initial}
          status={status}
          timeZone={timeZone}
          typoReport={typoReport}
          text={text}
          bodyEditor={bodyEditor}
          canType={canType}
          isBusy={isBusy}
          hasLease={hasLease}
          errors={errors}
          save={save}
          onTransition={runTransition}
        />
      )}
    </div>
  );
}
