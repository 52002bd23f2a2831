import type { ReportTarget } from "./read-selection";

/** The story the widget reports on. */
export interface ReportStory {
  articleId: string;
  version: number;
  language: string;
}

export interface ReportFields {
  suggestion: string;
  comment: string;
  /** The honeypot: empty unless a bot filled it. */
  website: string;
}

export type SendResult = { ok: true; message: string } | { ok: false; message: string; errors: Record<string, string[]> };

const OFFLINE = "Your report could not be sent. Check your connection and try again.";

/** Posts a report to /api/typo-reports; never throws. */
export async function sendReport(story: ReportStory, target: ReportTarget, fields: ReportFields): Promise<SendResult> {
  const { sentence: _sentence, ...spot } = target;
  try {
    const response = await fetch("/api/typo-reports", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ ...story, ...spot, ...fields }),
    });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; message?: string; errors?: Record<string, string[]> } | null;
    const message = typeof body?.message === "string" ? body.message : OFFLINE;
    if (response.ok && body?.ok) return { ok: true, message };
    return { ok: false, message, errors: body?.errors ?? {} };
  } catch {
    return { ok: false, message: OFFLINE, errors: {} };
  }
}
