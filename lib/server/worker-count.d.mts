export function resolveWorkerCount(env: Record<string, string | undefined>, cores: number): { count: number } | { error: string };
export const MAX_AUTO_WORKERS: number;
export const MAX_WORKERS: number;
