import { serializeJsonLd } from "@/lib/seo/news-article-json-ld";

/** Structured data for search engines: a data block, which CSP does not treat as script. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
