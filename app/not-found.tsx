import { connection } from "next/server";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { listNavigationSections } from "@/lib/data/public-sections";
import { getEnv } from "@/lib/env";

/**
 * The friendly 404 for any address the site does not have, with the site's
 * header and footer. Rendered per request like every page (it reads the
 * navigation), so it is server-rendered and carries the request's nonce. The
 * page cache also serves it for stories, sections, tags and authors that do
 * not exist (lib/public-cache/front.ts explains why).
 */
export default async function NotFound() {
  await connection();
  const sections = await listNavigationSections();
  const siteName = getEnv().NEWSDESK_SITE_NAME;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader siteName={siteName} sections={sections} />
      <main id="main" className="site-main">
        <NotFoundMessage />
      </main>
      <SiteFooter siteName={siteName} />
    </>
  );
}
