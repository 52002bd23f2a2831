import { draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { getArticlePreview } from "@/lib/data/previews";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";

// A route handler cannot render app/not-found.tsx, and an empty 404 shows
// the browser's error page; this is the same message, self-contained.
const NOT_FOUND_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Page not found</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<main><h1>Page not found</h1><p>The story or page you were looking for does not exist or is no longer published.</p>
<p><a href="/admin/articles">Back to the articles</a></p></main></body></html>`;

/**
 * "Preview": checks the user may see the story, turns on Next.js draft mode
 * for this browser and opens the story in the public layout. The preview
 * page checks the session again: the draft-mode cookie alone shows nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let articleId: string;
  try {
    articleId = (await getArticlePreview(id)).id;
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect(`/login?callbackUrl=${encodeURIComponent(`/admin/articles/${id}/preview`)}`);
    if (error instanceof NotFoundError) {
      return new Response(NOT_FOUND_HTML, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
    throw error;
  }
  (await draftMode()).enable();
  redirect(`/preview/article/${articleId}`);
}
