import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";

const articleIdSchema = z.uuid();

/**
 * Runs a DAL read for an /admin/articles/<id> page: a malformed id or a
 * story the user may not see is a 404, a lapsed session goes to sign-in.
 */
export async function loadForPage<T>(id: string, path: string, read: (id: string) => Promise<T>): Promise<T> {
  if (!articleIdSchema.safeParse(id).success) notFound();
  try {
    return await read(id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof UnauthenticatedError) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
    throw error;
  }
}
