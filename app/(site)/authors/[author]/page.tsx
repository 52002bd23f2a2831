import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { Pagination } from "@/components/site/pagination";
import { listArticlePage } from "@/lib/data/public-articles";
import { getPublicAuthorBySlug } from "@/lib/data/public-people";
import { authorPath, withPage } from "@/lib/urls";
import { readPageParam, type PageSearchParams } from "../../_lib/page-param";

type Props = { params: Promise<{ author: string }>; searchParams: Promise<PageSearchParams> };

const loadAuthor = cache(getPublicAuthorBySlug);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  await connection();
  const author = await loadAuthor((await params).author);
  const page = readPageParam(await searchParams);
  if (!author || page === null) return {};
  const path = withPage(authorPath(author.slug), page);
  const title = page > 1 ? `${author.name} – page ${page}` : author.name;
  const description = author.bio ?? `Stories by ${author.name}.`;
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "profile", url: path, title, description },
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  await connection();
  const author = await loadAuthor((await params).author);
  const page = readPageParam(await searchParams);
  if (!author || page === null) notFound();
  const list = await listArticlePage({ authorId: author.id }, page);
  if (!list) notFound();
  return (
    <div className="section-page">
      <header className="section-page__header">
        <p className="kicker">Author</p>
        <h1>{author.name}</h1>
        {author.bio && <p className="section-page__description">{author.bio}</p>}
      </header>
      <LatestNewsList items={list.items} heading={page > 1 ? `Stories by ${author.name}, page ${page}` : `Stories by ${author.name}`} />
      <Pagination basePath={authorPath(author.slug)} page={page} hasNext={list.hasNext} label={`${author.name} pages`} />
    </div>
  );
}
