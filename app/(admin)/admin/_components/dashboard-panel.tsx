import Link from "next/link";
import type { DashboardStory } from "@/lib/data/dashboard";
import { formatNewsroomDateTime } from "@/lib/time";

interface Props {
  title: string;
  stories: DashboardStory[];
  empty: string;
  /** Which instant each row shows. */
  when: "updated" | "published";
  seeAllHref: string;
}

/** One dashboard list: a handful of stories, each linking to its editor. */
export function DashboardPanel({ title, stories, empty, when, seeAllHref }: Props) {
  const headingId = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className="panel dashboard-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {stories.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="dashboard-panel__list">
          {stories.map((story) => {
            const instant = when === "published" ? story.publishedAt : story.updatedAt;
            return (
              <li key={story.id}>
                <Link href={`/admin/articles/${story.id}`}>{story.title}</Link>
                <span className="muted">
                  {story.authorName}
                  {instant && ` · ${formatNewsroomDateTime(instant)}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="dashboard-panel__more">
        <Link href={seeAllHref}>See all</Link>
      </p>
    </section>
  );
}
