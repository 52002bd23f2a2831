import type { ReactNode } from "react";

/** Label, control, hint and error, wired together for screen readers. */
export function Field(props: { id: string; label: string; hint?: ReactNode; errors?: string[]; children: (aria: FieldAria) => ReactNode; className?: string }) {
  const { id, label, hint, errors, children, className } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(errorId), "aria-describedby": describedBy })}
      {errorId && (
        <p className="field__error" id={errorId}>
          {errors?.join(" ")}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

export interface FieldAria {
  id: string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

/** "42 / 60 characters" with a nudge once past what search engines show. */
export function LengthHint({ length, recommended, what }: { length: number; recommended: number; what: string }) {
  return (
    <>
      {length} / {recommended} characters
      {length > recommended ? ` — ${what} shows about ${recommended}; the rest is cut off.` : ""}
    </>
  );
}
