import { feedPath } from "@/lib/urls";

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          © {siteName}. Noticed a mistake in a story? Select it and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to tell the
          editors.
        </p>
        <p>
          Follow the news: <a href={feedPath("rss")}>RSS feed</a> · <a href={feedPath("atom")}>Atom feed</a>
        </p>
      </div>
    </footer>
  );
}
