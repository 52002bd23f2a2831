/**
 * The public URL scheme (documented in the README):
 *   /                              home: lead story and latest news
 *   /news/<section>                a section's latest news
 *   /news/<section>/<slug>         an article
 *   /tags/<tag>, /authors/<slug>   tag and author pages
 */
export function articlePath(sectionSlug: string, slug: string): string {
  return `/news/${sectionSlug}/${slug}`;
}

export function sectionPath(sectionSlug: string): string {
  return `/news/${sectionSlug}`;
}

export function tagPath(tagSlug: string): string {
  return `/tags/${tagSlug}`;
}

export function authorPath(authorSlug: string): string {
  return `/authors/${authorSlug}`;
}
