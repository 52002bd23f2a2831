"use client";

import type { Editor } from "@tiptap/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { safeLinkHref } from "@/lib/content/link-policy";

/**
 * Adds, changes or removes the link on the selection. Accepts exactly what
 * the server keeps (http, https, mailto, /paths, #fragments); a bare domain
 * becomes https://. javascript:, data: and the like are refused here — and
 * would be stripped on the server anyway.
 */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState(() => (editor.getAttributes("link").href as string | undefined) ?? "");
  const [error, setError] = useState<string>();

  useEffect(() => {
    const dialog = dialogRef.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  function close() {
    onClose();
    editor.commands.focus();
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    // React events bubble through portals: this submit is not the story form's.
    event.stopPropagation();
    const trimmed = url.trim();
    if (trimmed === "") {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      onClose();
      return;
    }
    const withScheme = /^[a-z][a-z0-9+.-]*:|^[/#]/i.test(trimmed) ? trimmed : `https://${trimmed}`;
    const href = safeLinkHref(withScheme);
    if (!href) {
      setError("Use a web address (https://…), an email link (mailto:…) or a path on this site (/news/…).");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    else chain.setLink({ href }).run();
    onClose();
  }

  // Rendered at the end of <body>: a form may not sit inside the story's form.
  return createPortal(
    <dialog ref={dialogRef} className="link-dialog" aria-labelledby="link-dialog-title" onCancel={close}>
      <form className="form" onSubmit={apply} noValidate>
        <h2 id="link-dialog-title">Link</h2>
        <div className="field">
          <label htmlFor="link-url">Address</label>
          <input
            id="link-url"
            type="text"
            inputMode="url"
            autoFocus
            value={url}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? "link-url-error" : "link-url-hint"}
            onChange={(event) => {
              setUrl(event.target.value);
              setError(undefined);
            }}
          />
          <p className="field__hint" id="link-url-hint">
            Leave empty and apply to remove the link.
          </p>
          {error && (
            <p className="field__error" id="link-url-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            Apply link
          </button>
          {editor.isActive("link") && (
            <button
              type="button"
              className="button"
              onClick={() => {
                editor.chain().focus().extendMarkRange("link").unsetLink().run();
                onClose();
              }}
            >
              Remove link
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
