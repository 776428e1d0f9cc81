/** Latency figures of one run, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Nearest-rank percentile of sorted values: the smallest value with at least `percent`% of the
 * values at or below it. NaN for no values, so an empty step never reads as fast.
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: ArrayLike<number>, percent: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** p50, p99 and max of unsorted latencies. */
export function summarizeLatencies(latencies: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN) };
}

/** ours / baseline, or undefined when either is missing or the baseline is zero. */
export function ratio(ours: number | undefined, baseline: number | undefined): number | undefined {
  if (ours === undefined || baseline === undefined || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return undefined;
  return ours / baseline;
}

/** A ratio as the tables show it, e.g. "1.21x"; empty where there is none. */
export function formatRatio(value: number | undefined): string {
  return value === undefined ? '' : `${value.toFixed(2)}x`;
}

/** A share of one core as the tables show it, e.g. "93%". */
export function formatShare(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}
