"use client";

import { type Editor, useEditorState } from "@tiptap/react";
import { useState } from "react";
import { LinkDialog } from "./link-dialog";

interface ToolbarButton {
  label: string;
  text: string;
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
  shortcut?: string;
}

const BUTTONS: ToolbarButton[] = [
  { label: "Bold", text: "B", shortcut: "Ctrl+B", isActive: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { label: "Italic", text: "I", shortcut: "Ctrl+I", isActive: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  { label: "Underline", text: "U", shortcut: "Ctrl+U", isActive: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
  { label: "Strikethrough", text: "S", isActive: (e) => e.isActive("strike"), run: (e) => e.chain().focus().toggleStrike().run() },
  { label: "Heading 2", text: "H2", isActive: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: "Heading 3", text: "H3", isActive: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { label: "Heading 4", text: "H4", isActive: (e) => e.isActive("heading", { level: 4 }), run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run() },
  { label: "Bulleted list", text: "• List", isActive: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: "Numbered list", text: "1. List", isActive: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: "Quote", text: "❝ Quote", isActive: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { label: "Horizontal rule", text: "―", run: (e) => e.chain().focus().setHorizontalRule().run() },
];

/** Formatting buttons; toggles say whether they are on (aria-pressed). */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const [isLinkOpen, setIsLinkOpen] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      marks: BUTTONS.map((button) => (button.isActive ? button.isActive(e) : undefined)),
      isLink: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  return (
    <div className="rich-text__toolbar" role="toolbar" aria-label="Formatting">
      {BUTTONS.map((button, index) => (
        <button
          key={button.label}
          type="button"
          className="toolbar-button"
          aria-label={button.label}
          title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
          aria-pressed={button.isActive ? Boolean(active.marks[index]) : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => button.run(editor)}
        >
          {button.text}
        </button>
      ))}
      <button type="button" className="toolbar-button" aria-label="Link" aria-pressed={active.isLink} title="Link (Ctrl+K)" onClick={() => setIsLinkOpen(true)}>
        Link
      </button>
      <button type="button" className="toolbar-button" aria-label="Undo" disabled={!active.canUndo} onClick={() => editor.chain().focus().undo().run()}>
        ↶
      </button>
      <button type="button" className="toolbar-button" aria-label="Redo" disabled={!active.canRedo} onClick={() => editor.chain().focus().redo().run()}>
        ↷
      </button>
      {isLinkOpen && <LinkDialog editor={editor} onClose={() => setIsLinkOpen(false)} />}
    </div>
  );
}
