/** Runs `call` from `concurrency` loops for `durationMs`; returns throughput and latency percentiles. */
export interface Measurement {
  concurrency: number;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
}

export async function measure(call: () => Promise<void>, concurrency: number, durationMs: number): Promise<Measurement> {
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
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { concurrency, requests: latencies.length, throughput: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

export function describe(label: string, m: Measurement): string {
  return `${label.padEnd(28)} c=${m.concurrency}  ${m.throughput.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  (${m.requests} requests)`;
}
