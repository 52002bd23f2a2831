import { z } from "zod";
import { HEADLINE_PARAGRAPH, TYPO_REPORT_LIMITS } from "../content/typo-report-rules";

export { HEADLINE_PARAGRAPH, TYPO_REPORT_LIMITS, TYPO_REPORT_THANKS } from "../content/typo-report-rules";

const MAX_PARAGRAPH = 10_000;

// C0/C1 control characters (except tab/newline) have no place in a report.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Zero-width characters a selection drags along from soft hyphenation and joiners.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

const tooLong = (label: string, max: number) => `${label} can be at most ${max.toLocaleString("en-US")} characters.`;

/** One line: invisible characters removed, whitespace collapsed; trimmed unless it is context. */
const line = (label: string, max: number, options: { trim: boolean } = { trim: true }) =>
  z
    .string(`${label} must be text.`)
    .transform((value) => {
      const collapsed = value.replace(CONTROL_CHARACTERS, "").replace(INVISIBLE, "").replace(/\s+/g, " ");
      return options.trim ? collapsed.trim() : collapsed;
    })
    .pipe(z.string().max(max, tooLong(label, max)));

const multiline = (label: string, max: number) =>
  z
    .string(`${label} must be text.`)
    .transform((value) => value.replace(CONTROL_CHARACTERS, "").replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(max, tooLong(label, max)));

/**
 * A reader's report as the widget posts it (JSON). `website` is the
 * honeypot: people never see it, so anything in it means a bot, and the
 * route answers as if accepted while storing nothing.
 */
export const typoReportSubmissionSchema = z.object({
  articleId: z.uuid("This story cannot take reports."),
  /** The story version the reader's page showed. */
  version: z.int("Unknown story version.").positive("Unknown story version.").max(1_000_000_000).optional(),
  selectedText: line("The mistake", TYPO_REPORT_LIMITS.selectedText).pipe(z.string().min(1, "Select the mistake in the story, or type it.")),
  contextBefore: line("The text before the mistake", TYPO_REPORT_LIMITS.context, { trim: false }).default(""),
  contextAfter: line("The text after the mistake", TYPO_REPORT_LIMITS.context, { trim: false }).default(""),
  paragraphIndex: z
    .int("Unknown paragraph.")
    .min(HEADLINE_PARAGRAPH, "Unknown paragraph.")
    .max(MAX_PARAGRAPH, "Unknown paragraph."),
  charOffset: z.int("Unknown position.").min(0, "Unknown position.").max(10_000_000, "Unknown position.").nullish(),
  suggestion: line("The correction", TYPO_REPORT_LIMITS.suggestion).default(""),
  comment: multiline("The comment", TYPO_REPORT_LIMITS.comment).default(""),
  language: z
    .string()
    .trim()
    .max(12)
    .regex(/^[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "Unknown page language.")
    .optional(),
  website: z.string().max(2000).optional(),
});

export type TypoReportSubmission = z.output<typeof typoReportSubmissionSchema>;
export type TypoReportSubmissionInput = z.input<typeof typoReportSubmissionSchema>;

const reportId = z.uuid("Unknown report.");

/** The decisions an editor makes on a report; one button (form) each. */
export const typoReportDecisionSchema = z.discriminatedUnion("decision", [
  /** Accepted and fixed by the save that made `fixVersion` of the story. */
  z.object({ decision: z.literal("accept-fix"), id: reportId, fixVersion: z.coerce.number<unknown>().int().positive("Unknown story version.") }),
  /** Accepted without a fix of its own: already correct, or fixed elsewhere. */
  z.object({ decision: z.literal("accept-as-is"), id: reportId }),
  z.object({ decision: z.literal("reject"), id: reportId }),
  z.object({ decision: z.literal("duplicate"), id: reportId, duplicateOfId: z.uuid("Choose the report this one repeats.") }),
  z.object({ decision: z.literal("reopen"), id: reportId }),
]);

export type TypoReportDecision = z.output<typeof typoReportDecisionSchema>;
