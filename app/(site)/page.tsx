import type { Metadata } from "next";
import { connection } from "next/server";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { NewsroomTime } from "@/components/site/newsroom-time";
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

export default async function HomePage() {
  await connection();
  const [lead, ...rest] = await listLatestArticles({ limit: 31 });
  return (
    <div className="home">
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
      <LatestNewsList items={rest} />
    </div>
  );
}
