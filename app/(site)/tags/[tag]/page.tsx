import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { Pagination } from "@/components/site/pagination";
import { listArticlePage } from "@/lib/data/public-articles";
import { getPublicTagBySlug } from "@/lib/data/public-people";
import { tagPath, withPage } from "@/lib/urls";
import { readPageParam, type PageSearchParams } from "../../_lib/page-param";

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<PageSearchParams> };

const loadTag = cache(getPublicTagBySlug);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const tag = await loadTag((await params).tag);
  const page = readPageParam(await searchParams);
  if (!tag || page === null) return {};
  const path = withPage(tagPath(tag.slug), page);
  const title = page > 1 ? `${tag.name} – page ${page}` : tag.name;
  return {
    title,
    description: `Stories tagged “${tag.name}”.`,
    alternates: { canonical: path },
    openGraph: { type: "website", url: path, title },
  };
}

export default async function TagPage({ params, searchParams }: Props) {
  await connection();
  const tag = await loadTag((await params).tag);
  const page = readPageParam(await searchParams);
  if (!tag || page === null) notFound();
  const list = await listArticlePage({ tagId: tag.id }, page);
  if (!list) notFound();
  return (
    <div className="section-page">
      <header className="section-page__header">
        <p className="kicker">Tag</p>
        <h1>{tag.name}</h1>
      </header>
      <LatestNewsList items={list.items} heading={page > 1 ? `Stories tagged ${tag.name}, page ${page}` : `Stories tagged ${tag.name}`} />
      <Pagination basePath={tagPath(tag.slug)} page={page} hasNext={list.hasNext} label={`${tag.name} pages`} />
    </div>
  );
}
