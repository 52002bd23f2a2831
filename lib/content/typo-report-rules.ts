/**
 * Typo-report rules shared by the reader's widget (kept free of zod, so the
 * public page's script stays small), the route's schema and the editor.
 */

/** What a reader may send with a typo report. */
export const TYPO_REPORT_LIMITS = {
  selectedText: 300,
  context: 200,
  suggestion: 300,
  comment: 1000,
} as const;

/** The headline's paragraph index; the lead is 0 and body text blocks follow. */
export const HEADLINE_PARAGRAPH = -1;

/** What a reader is told once a report is in (the same whether it was new, merged or a repeat). */
export const TYPO_REPORT_THANKS = "Thank you — the editors have been told.";
