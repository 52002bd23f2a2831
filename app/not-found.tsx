import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="site-main not-found">
      <h1>Page not found</h1>
      <p>The story or page you were looking for does not exist or is no longer published.</p>
      <p>
        <Link href="/">Go to the latest news</Link>
      </p>
    </main>
  );
}
