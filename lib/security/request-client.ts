import "server-only";
import { headers } from "next/headers";
import { hashClientAddress } from "./client-address";

/** The current request's client, as a keyed hash for audit events (null outside a request). */
export async function getRequestClientHash(): Promise<string | null> {
  try {
    return hashClientAddress(await headers());
  } catch {
    return null;
  }
}
