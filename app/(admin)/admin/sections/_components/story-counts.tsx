import type { StoryCounts } from "@/lib/data/sections";

const STATUS_LABELS = [
  ["PUBLISHED", "published"],
  ["SCHEDULED", "scheduled"],
  ["IN_REVIEW", "in review"],
  ["DRAFT", "draft"],
  ["ARCHIVED", "archived"],
] as const;

/** "3 published · 1 draft": the non-zero statuses, most public first. */
export function describeStoryCounts(counts: StoryCounts): string {
  return STATUS_LABELS.filter(([status]) => counts[status] > 0)
    .map(([status, label]) => `${counts[status]} ${label === "draft" && counts[status] > 1 ? "drafts" : label}`)
    .join(" · ");
}

export const pluralStories = (count: number) => (count === 1 ? "1 story" : `${count} stories`);

export function StoryCountsCell({ counts }: { counts: StoryCounts }) {
  return (
    <>
      <span className="section-table__count">{pluralStories(counts.total)}</span>
      {counts.total > 0 && <span className="section-table__breakdown muted">{describeStoryCounts(counts)}</span>}
    </>
  );
}
