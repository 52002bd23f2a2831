export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <p>
        © {siteName}. Noticed a mistake in a story? Select it and press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> to tell the
        editors.
      </p>
    </footer>
  );
}
