import { NotFoundMessage } from "@/components/site/not-found-message";

/** Any other unknown address (rendered without the site layout, which reads the database). */
export default function NotFound() {
  return (
    <main id="main" className="site-main">
      <NotFoundMessage />
    </main>
  );
}
