import { LIST_STATUS_LABEL, type ListStatus } from "@/lib/article-status";
import { formatNewsroomDateTime } from "@/lib/time";
import "./article-status-badge.css";

/** "Draft", "In review", "Scheduled for October 16, 2024 17:40", "Published", "Archived". */
export function ArticleStatusBadge({ status, publishedAt }: { status: ListStatus; publishedAt: Date | null }) {
  const label =
    status === "scheduled" && publishedAt ? `Scheduled for ${formatNewsroomDateTime(publishedAt)}` : LIST_STATUS_LABEL[status];
  return <span className={`badge badge--${status.replace("_", "-")}`}>{label}</span>;
}
