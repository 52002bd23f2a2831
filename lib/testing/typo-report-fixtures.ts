import type { TypoReportSubmission } from "../validations/typo-report";
import { typoReportSubmissionSchema } from "../validations/typo-report";

let counter = 0;

/** A valid report on `articleId`; each call picks a new spot unless `selectedText` is given. */
export function typoReportInput(articleId: string, overrides: Partial<TypoReportSubmission> = {}): TypoReportSubmission {
  return typoReportSubmissionSchema.parse({
    articleId,
    selectedText: `mistak${++counter}`,
    contextBefore: "The ministry said the ",
    contextAfter: " was corrected later.",
    paragraphIndex: 1,
    charOffset: 22,
    suggestion: "mistake",
    comment: "",
    language: "en",
    ...overrides,
  });
}

/** A distinct client-address hash per call (tests never share rate-limit buckets by accident). */
export function testClientHash(label = "client"): string {
  return `${label}-${Date.now().toString(36)}-${++counter}`;
}
