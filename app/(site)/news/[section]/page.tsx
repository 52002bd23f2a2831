import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { LatestNewsList } from "@/components/site/latest-news-list";
import { listLatestArticles } from "@/lib/data/public-articles";
import { findSectionRedirect, getSectionBySlug } from "@/lib/data/public-sections";
import { sectionPath } from "@/lib/urls";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const section = await getSectionBySlug((await params).section);
  if (!section) return {};
  return { title: section.name, description: section.description ?? undefined, alternates: { canonical: sectionPath(section.slug) } };
}

export default async function SectionPage({ params }: Props) {
  await connection();
  const slug = (await params).section;
  const section = await getSectionBySlug(slug);
  if (!section) {
    // A renamed (or merged) section keeps answering at its old address.
    const currentSlug = await findSectionRedirect(slug);
    if (currentSlug) permanentRedirect(sectionPath(currentSlug));
    notFound();
  }
  const items = await listLatestArticles({ sectionSlug: section.slug, limit: 30 });
  return (
    <div className="section-page">
      <header className="section-page__header">
        {section.parent && (
          <p className="kicker">
            <Link href={sectionPath(section.parent.slug)}>{section.parent.name}</Link>
          </p>
        )}
        <h1>{section.name}</h1>
        {section.description && <p className="section-page__description">{section.description}</p>}
        {section.children.length > 0 && (
          <nav aria-label={`${section.name} subsections`}>
            <ul className="chips">
              {section.children.map((child) => (
                <li key={child.slug}>
                  <Link href={sectionPath(child.slug)}>{child.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <LatestNewsList items={items} heading={`Latest in ${section.name}`} showSection={section.children.length > 0} />
    </div>
  );
}
