import type { Metadata } from "next";
import { connection } from "next/server";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { NewsroomTime } from "@/components/site/newsroom-time";
import { TopStories } from "@/components/site/top-stories";
import { listLatestArticles } from "@/lib/data/public-articles";
import { getSiteInfo } from "@/lib/site";
import { sectionPath } from "@/lib/urls";

export function generateMetadata(): Metadata {
  const site = getSiteInfo();
  const description = `The latest news from ${site.name}.`;
  return {
    description,
    alternates: { canonical: "/" },
    openGraph: { type: "website", url: "/", title: site.name, description },
    twitter: { card: "summary", title: site.name, description },
  };
}

/** Stories shown with their teasers under the lead; the rest go to "Latest news". */
const TOP_STORIES = 4;

export default async function HomePage() {
  await connection();
  const [lead, ...rest] = await listLatestArticles({ limit: 1 + TOP_STORIES + 30 });
  return (
    <div className="home">
      <div className="home__front">
      {lead ? (
        <article className="home-lead" aria-labelledby="home-lead-title">
          <p className="kicker">
            <a href={sectionPath(lead.section.slug)}>{lead.section.name}</a>
            <NewsroomTime instant={lead.publishedAt} />
          </p>
          <h1 id="home-lead-title" className="home-lead__title">
            <a href={lead.path}>{lead.title}</a>
          </h1>
          {lead.summary && <p className="home-lead__summary">{lead.summary}</p>}
        </article>
      ) : (
        <h1>No news yet</h1>
      )}
      <TopStories items={rest.slice(0, TOP_STORIES)} />
      </div>
      <LatestNewsList items={rest.slice(TOP_STORIES)} />
    </div>
  );
}
