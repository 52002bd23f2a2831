import Link from "next/link";
import { connection } from "next/server";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { NewsroomTime } from "@/components/site/newsroom-time";
import { listLatestArticles } from "@/lib/data/public-articles";
import { sectionPath } from "@/lib/urls";

export default async function HomePage() {
  await connection();
  const [lead, ...rest] = await listLatestArticles({ limit: 31 });
  return (
    <div className="home">
      {lead ? (
        <article className="home-lead" aria-labelledby="home-lead-title">
          <p className="kicker">
            <Link href={sectionPath(lead.section.slug)}>{lead.section.name}</Link>
            <NewsroomTime instant={lead.publishedAt} />
          </p>
          <h1 id="home-lead-title" className="home-lead__title">
            <Link href={lead.path}>{lead.title}</Link>
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
