export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The list page a reader asked for: 1 when absent, null when malformed (the page answers 404). */
export function readPageParam(searchParams: PageSearchParams): number | null {
  const raw = searchParams.page;
  if (raw === undefined) return 1;
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,5}$/.test(raw)) return null;
  return Number(raw);
}
