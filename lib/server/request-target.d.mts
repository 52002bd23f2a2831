export const ALLOWED_METHODS: readonly string[];
export function decodePathStrictly(path: string): string | null;
export function checkRequestTarget(method: string, target: string): { status: 204 | 400 | 405; allow?: string; body: string } | null;
