import type { ReactNode } from "react";
import { LIST_STATUS_LABEL, type ListStatus } from "@/lib/article-status";
import { formatNewsroomDateTime } from "@/lib/time";
import "./preview-banner.css";

interface Props {
  status: ListStatus;
  publishedAt: Date | null;
  /** For a share link: when it stops working. */
  expiresAt?: Date;
  /** Controls such as "Exit preview". */
  children?: ReactNode;
}

function describeStatus(status: ListStatus, publishedAt: Date | null): string {
  if (status === "published") return "Readers can see this story; this is its text as saved now.";
  if (status === "scheduled" && publishedAt) return `Scheduled for ${formatNewsroomDateTime(publishedAt)}.`;
  return `${LIST_STATUS_LABEL[status]}: readers cannot see this story.`;
}

/** The unmistakable strip above a preview: this is not what readers see (yet). */
export function PreviewBanner({ status, publishedAt, expiresAt, children }: Props) {
  return (
    <aside className="preview-banner" aria-label="Preview">
      <p className="preview-banner__title">
        <strong>{status === "published" ? "Preview — published story" : "Preview — not published"}</strong>
      </p>
      <p className="preview-banner__detail">
        {describeStatus(status, publishedAt)}
        {expiresAt && <> This link works until {formatNewsroomDateTime(expiresAt)}.</>}
      </p>
      {children && <div className="preview-banner__actions">{children}</div>}
    </aside>
  );
}
