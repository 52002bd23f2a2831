"use client";

import { useActionState } from "react";
import { moveSectionAction } from "../actions";

/**
 * "Move up" / "Move down" among a section's siblings: plain buttons in a
 * form (no drag and drop needed, works without JavaScript), with the result
 * announced to screen readers.
 */
export function MoveButtons({ id, name, index, count }: { id: string; name: string; index: number; count: number }) {
  const [state, formAction, isPending] = useActionState(moveSectionAction, {});
  return (
    <form action={formAction} className="move-buttons">
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="direction" value="up" className="button button--small" disabled={isPending || index <= 1}>
        Move up<span className="visually-hidden">: {name}</span>
      </button>
      <button type="submit" name="direction" value="down" className="button button--small" disabled={isPending || index >= count}>
        Move down<span className="visually-hidden">: {name}</span>
      </button>
      <p className={state.tone === "error" ? "field__error" : "visually-hidden"} role={state.tone === "error" ? "alert" : "status"}>
        {state.message}
      </p>
    </form>
  );
}
