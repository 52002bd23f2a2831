/** Latency summary of one measured operation, in milliseconds. */
export interface LatencySummary {
  p50: number;
  p95: number;
  mean: number;
  samples: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean, samples: sorted.length };
}

/**
 * Runs `fn` `warmup` times unmeasured, then `iterations` times, timing each
 * call; `prepare` (untimed) supplies each call's input.
 */
export async function measure<T>(
  fn: (iteration: number, input: T | undefined) => Promise<unknown>,
  iterations: number,
  warmup: number,
  prepare?: (iteration: number) => Promise<T>,
): Promise<LatencySummary> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const input = prepare ? await prepare(i) : undefined;
    const started = process.hrtime.bigint();
    await fn(i, input);
    if (i >= warmup) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return summarize(samples);
}

export const formatMs = (ms: number) => (Number.isNaN(ms) ? "–" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
