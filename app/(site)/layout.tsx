import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { listNavigationSections } from "@/lib/data/public-sections";
import { getEnv } from "@/lib/env";

export default async function SiteLayout({ children }: { children: ReactNode }) {
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
        {children}
      </main>
      <SiteFooter siteName={siteName} />
    </>
  );
}
