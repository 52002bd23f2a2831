import Link from "next/link";
import type { PublicSection } from "@/lib/data/public-sections";
import { sectionPath } from "@/lib/urls";

export function SiteHeader({ siteName, sections }: { siteName: string; sections: PublicSection[] }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {siteName}
        </Link>
      </div>
      <nav aria-label="Sections" className="site-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link href={sectionPath(section.slug)}>{section.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
