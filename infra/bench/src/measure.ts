/** Runs `call` from `concurrency` loops for `durationMs`; returns throughput and latency percentiles. */
export interface Measurement {
  concurrency: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function measure(call: () => Promise<void>, concurrency: number, durationMs: number): Promise<Measurement> {
  const { latencies, seconds } = await timeCalls(call, concurrency, durationMs);
  return summarize(concurrency, latencies, seconds);
}

/**
 * Two sides measured in alternating slices (full, raw, full, raw, …) of `sliceMs` each until
 * each side has run `durationMs`, so a noisy neighbour on the machine hits both sides alike.
 * `around` wraps each slice of a side (e.g. to sample the server while it runs).
 */
export async function measureAlternating(
  sides: { full: () => Promise<void>; raw: () => Promise<void> },
  concurrency: number,
  durationMs: number,
  sliceMs: number,
  around: { full?: (slice: () => Promise<void>) => Promise<void>; raw?: (slice: () => Promise<void>) => Promise<void> } = {},
): Promise<{ full: Measurement; raw: Measurement }> {
  const full = { latencies: [] as number[], seconds: 0 };
  const raw = { latencies: [] as number[], seconds: 0 };
  const add = (into: typeof full, slice: { latencies: number[]; seconds: number }) => {
    for (const latency of slice.latencies) into.latencies.push(latency);
    into.seconds += slice.seconds;
  };
  for (let done = 0; done < durationMs; done += sliceMs) {
    const length = Math.min(sliceMs, durationMs - done);
    const fullSlice = async () => add(full, await timeCalls(sides.full, concurrency, length));
    const rawSlice = async () => add(raw, await timeCalls(sides.raw, concurrency, length));
    await (around.full ? around.full(fullSlice) : fullSlice());
    await (around.raw ? around.raw(rawSlice) : rawSlice());
  }
  return { full: summarize(concurrency, full.latencies, full.seconds), raw: summarize(concurrency, raw.latencies, raw.seconds) };
}

async function timeCalls(call: () => Promise<void>, concurrency: number, durationMs: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await call();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

function summarize(concurrency: number, latencies: number[], seconds: number): Measurement {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { concurrency, requests: latencies.length, throughput: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function describe(label: string, m: Measurement): string {
  return `${label.padEnd(28)} c=${m.concurrency}  ${m.throughput.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  (${m.requests} requests)`;
}
