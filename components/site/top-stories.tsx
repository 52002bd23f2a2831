import type { ArticleListItem } from "@/lib/data/public-articles";
import { sectionPath } from "@/lib/urls";
import { NewsroomTime } from "./newsroom-time";

/** The stories after the lead, with their teasers: the front page's second tier. */
export function TopStories({ items }: { items: ArticleListItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="top-stories" className="top-stories">
      <h2 id="top-stories" className="visually-hidden">
        Top stories
      </h2>
      <ul className="top-stories__list">
        {items.map((item) => (
          <li key={item.id} className="top-stories__item">
            <p className="kicker">
              <a href={sectionPath(item.section.slug)}>{item.section.name}</a>
              <NewsroomTime instant={item.publishedAt} />
            </p>
            <h3 className="top-stories__title">
              <a href={item.path}>{item.title}</a>
            </h3>
            {item.summary && <p className="top-stories__summary">{item.summary}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
