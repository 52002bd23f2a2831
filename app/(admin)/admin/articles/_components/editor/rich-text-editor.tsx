"use client";

import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef } from "react";
import { safeLinkHref } from "@/lib/content/link-policy";
import { EditorToolbar } from "./editor-toolbar";
import { ReportHighlight } from "./report-highlight";

/**
 * The story body: Tiptap with exactly the formatting the server keeps
 * (h2–h4, bold, italic, underline, strike, links, lists, quotes, rules).
 * Rendered in the browser only (immediatelyRender: false), so server and
 * client HTML never disagree during hydration.
 */
export function RichTextEditor(props: {
  initialHtml: string;
  isEditable: boolean;
  describedBy?: string;
  isInvalid?: boolean;
  onChange: (html: string) => void;
  onReady: (editor: Editor) => void;
}) {
  const { initialHtml, isEditable, describedBy, isInvalid, onChange, onReady } = props;
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    immediatelyRender: false,
    editable: isEditable,
    content: initialHtml,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          HTMLAttributes: { rel: null, target: null },
          isAllowedUri: (url) => safeLinkHref(url) !== undefined,
        },
      }),
      ReportHighlight,
    ],
    editorProps: {
      attributes: {
        class: "rich-text__content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Body",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(isInvalid ? { "aria-invalid": "true" } : {}),
      },
    },
    onCreate: ({ editor: created }) => onReady(created),
    onUpdate: ({ editor: updated }) => onChangeRef.current(updated.getHTML()),
  });

  useEffect(() => {
    if (editor && editor.isEditable !== isEditable) editor.setEditable(isEditable, false);
  }, [editor, isEditable]);

  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: {
          class: "rich-text__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": "Body",
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          ...(isInvalid ? { "aria-invalid": "true" } : {}),
        },
      },
    });
  }, [editor, describedBy, isInvalid]);

  return (
    <div className={`rich-text${isEditable ? "" : " rich-text--readonly"}`}>
      {editor && isEditable && <EditorToolbar editor={editor} />}
      {editor ? <EditorContent editor={editor} /> : <div className="rich-text__content rich-text__content--loading" aria-hidden="true" />}
    </div>
  );
}
