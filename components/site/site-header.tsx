import type { PublicSection } from "@/lib/data/public-sections";
import { sectionPath } from "@/lib/urls";
import { SearchForm } from "./search-form";

// Public pages link with plain <a>: every page is a cacheable document, so a
// click is answered from the page cache (or a CDN) instead of rendering a
// client-navigation payload per reader.
export function SiteHeader({ siteName, sections }: { siteName: string; sections: PublicSection[] }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__brand">
          {siteName}
        </a>
        <SearchForm className="site-header__search" />
      </div>
      <nav aria-label="Sections" className="site-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.slug}>
              <a href={sectionPath(section.slug)}>{section.name}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
