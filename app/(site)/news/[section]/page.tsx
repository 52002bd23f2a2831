import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { Pagination } from "@/components/site/pagination";
import { listArticlePage } from "@/lib/data/public-articles";
import { findSectionRedirect, getSectionBySlug, sectionCategoryIds } from "@/lib/data/public-sections";
import { feedPath, sectionPath, withPage } from "@/lib/urls";
import { readPageParam, type PageSearchParams } from "../../_lib/page-param";

type Props = { params: Promise<{ section: string }>; searchParams: Promise<PageSearchParams> };

const loadSection = cache(getSectionBySlug);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const section = await loadSection((await params).section);
  const page = readPageParam(await searchParams);
  if (!section || page === null) return {};
  const path = withPage(sectionPath(section.slug), page);
  const title = page > 1 ? `${section.name} – page ${page}` : section.name;
  return {
    title,
    description: section.description ?? undefined,
    alternates: {
      canonical: path,
      types: {
        "application/rss+xml": [{ url: feedPath("rss", section.slug), title: `${section.name} (RSS)` }],
        "application/atom+xml": [{ url: feedPath("atom", section.slug), title: `${section.name} (Atom)` }],
      },
    },
    openGraph: { type: "website", url: path, title, description: section.description ?? undefined },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  await connection();
  const slug = (await params).section;
  const section = await loadSection(slug);
  if (!section) {
    // A renamed (or merged) section keeps answering at its old address.
    const currentSlug = await findSectionRedirect(slug);
    if (currentSlug) permanentRedirect(sectionPath(currentSlug));
    notFound();
  }
  const page = readPageParam(await searchParams);
  if (page === null) notFound();
  const list = await listArticlePage({ categoryIds: sectionCategoryIds(section) }, page);
  if (!list) notFound();
  return (
    <div className="section-page">
      <header className="section-page__header">
        {section.parent && (
          <p className="kicker">
            <a href={sectionPath(section.parent.slug)}>{section.parent.name}</a>
          </p>
        )}
        <h1>{section.name}</h1>
        {section.description && <p className="section-page__description">{section.description}</p>}
        {section.children.length > 0 && (
          <nav aria-label={`${section.name} subsections`}>
            <ul className="chips">
              {section.children.map((child) => (
                <li key={child.slug}>
                  <a href={sectionPath(child.slug)}>{child.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <LatestNewsList
        items={list.items}
        heading={page > 1 ? `Latest in ${section.name}, page ${page}` : `Latest in ${section.name}`}
        showSection={section.children.length > 0}
      />
      <Pagination basePath={sectionPath(section.slug)} page={page} hasNext={list.hasNext} label={`${section.name} pages`} />
      <p className="feed-links">
        <a href={feedPath("rss", section.slug)}>RSS feed of {section.name}</a> ·{" "}
        <a href={feedPath("atom", section.slug)}>Atom feed</a>
      </p>
    </div>
  );
}
