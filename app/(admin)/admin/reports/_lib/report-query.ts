import type { TypoReportStatus } from "@/lib/generated/prisma/enums";
import { isUuid } from "@/lib/validations/uuid";

/** The queue's address: /admin/reports?status=new&article=<id>&after=<cursor>. */
export interface ReportQuery {
  status: TypoReportStatus;
  articleId?: string;
  after?: string;
}

export const STATUS_PARAM: Record<TypoReportStatus, string> = { NEW: "new", ACCEPTED: "accepted", REJECTED: "rejected", DUPLICATE: "duplicate" };
export const STATUS_TAB_LABEL: Record<TypoReportStatus, string> = { NEW: "New", ACCEPTED: "Accepted", REJECTED: "Rejected", DUPLICATE: "Duplicate" };

type Raw = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** Unknown or malformed parameters fall back to the defaults (the New tab, every story). */
export function parseReportQuery(params: Raw): ReportQuery {
  const status = (Object.keys(STATUS_PARAM) as TypoReportStatus[]).find((key) => STATUS_PARAM[key] === one(params.status)) ?? "NEW";
  const article = one(params.article);
  const after = one(params.after);
  return { status, articleId: isUuid(article) ? article : undefined, after: isUuid(after) ? after : undefined };
}

/** The queue's URL for `query` with `change` applied (a new tab or filter starts at the first page). */
export function reportListHref(query: ReportQuery, change: Partial<ReportQuery> = {}): string {
  const next = { ...query, after: undefined, ...change };
  const params = new URLSearchParams();
  if (next.status !== "NEW") params.set("status", STATUS_PARAM[next.status]);
  if (next.articleId) params.set("article", next.articleId);
  if (next.after) params.set("after", next.after);
  const qs = params.toString();
  return qs ? `/admin/reports?${qs}` : "/admin/reports";
}

/** Where a report is in the story, as editors say it. */
export function describeParagraph(index: number): string {
  if (index < 0) return "Headline";
  if (index === 0) return "Lead";
  return `Paragraph ${index} of the body`;
}
