import { type Editor, Extension } from "@tiptap/react";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** A span of the document, in ProseMirror positions. */
export interface DocRange {
  from: number;
  to: number;
}

const key = new PluginKey<DecorationSet>("reportHighlight");

/**
 * Marks a reader's reported passage in the body while the editor works on
 * it: a decoration, never a stored mark, so it cannot end up in the saved
 * HTML. It follows the text through edits and vanishes when the passage is
 * deleted (or replaced: the report panel then marks the replacement).
 */
export const ReportHighlight = Extension.create({
  name: "reportHighlight",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, current) {
            const next = tr.getMeta(key) as DocRange | null | undefined;
            if (next === null) return DecorationSet.empty;
            if (next) return DecorationSet.create(tr.doc, [Decoration.inline(next.from, next.to, { class: "report-highlight" })]);
            return current.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});

/** Highlights `range` (null: removes the highlight). Not an edit: nothing becomes unsaved. */
export function setReportHighlight(editor: Editor, range: DocRange | null): void {
  editor.view.dispatch(editor.state.tr.setMeta(key, range).setMeta("addToHistory", false));
}

/** Where the highlight is now (it moves with edits), or null once its text is gone. */
export function getReportHighlight(editor: Editor): DocRange | null {
  const [decoration] = key.getState(editor.state)?.find() ?? [];
  return decoration && decoration.from < decoration.to ? { from: decoration.from, to: decoration.to } : null;
}
