import type { ArticleListItem } from "@/lib/data/public-articles";
import { formatNewsroomDate } from "@/lib/time";
import { sectionPath } from "@/lib/urls";
import { NewsroomTime } from "./newsroom-time";

interface Props {
  items: ArticleListItem[];
  heading?: string;
  /** Show the section beside each headline (off on a section's own page). */
  showSection?: boolean;
  headingLevel?: "h2" | "h3";
  emptyText?: string;
}

/** "Latest news": time, headline and section, newest first, grouped by day. */
export function LatestNewsList({
  items,
  heading = "Latest news",
  showSection = true,
  headingLevel = "h2",
  emptyText = "No stories have been published here yet.",
}: Props) {
  const Heading = headingLevel;
  const headingId = `latest-${heading.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  if (items.length === 0) {
    return (
      <section aria-labelledby={headingId} className="latest-news">
        <Heading id={headingId}>{heading}</Heading>
        <p className="empty-state">{emptyText}</p>
      </section>
    );
  }
  const days = items.map((item) => formatNewsroomDate(item.publishedAt));
  return (
    <section aria-labelledby={headingId} className="latest-news">
      <Heading id={headingId}>{heading}</Heading>
      <ol className="latest-news__list">
        {items.map((item, index) => {
          const day = days[index];
          const isNewDay = index === 0 || day !== days[index - 1];
          return (
            <li key={item.id} className="latest-news__item" data-new-day={isNewDay || undefined}>
              {isNewDay && <span className="latest-news__day">{day}</span>}
              <NewsroomTime instant={item.publishedAt} style="time" />
              <a href={item.path} className="latest-news__title">
                {item.title}
              </a>
              {showSection && (
                <a href={sectionPath(item.section.slug)} className="latest-news__section">
                  {item.section.name}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
