import { monitorEventLoopDelay } from 'node:perf_hooks';

// Loaded into the benchmarked server with `--import` (scenario-login.ts): measures how late
// the server's event loop runs while the bench drives it, without touching the server's code.
// The bench sends 'loop:start' at the start of a measured slice and 'loop:stop' at its end;
// the answer is that slice's event-loop delay beyond the sampling timer's own 10 ms, and the
// CPU time the whole server process (event loop and thread pool) spent, in milliseconds.
const RESOLUTION_MS = 10;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
delay.enable();
let cpuAtStart = process.cpuUsage();
/** The percentiles a slice reports: every 1 up to 90, then every 0.1 (the tail is what matters). */
const GRID = [...Array.from({ length: 90 }, (_, i) => i + 1), ...Array.from({ length: 100 }, (_, i) => Math.round((90.1 + i * 0.1) * 10) / 10)];

export interface LoopSlice {
  kind: 'loop:slice';
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
  cpuMs: number;
  /** [percentile, delay ms] pairs on a fine grid: at least that share of the samples were at or under that delay; slices merge through them. */
  cdf: [number, number][];
}

if (process.send) {
  process.on('message', (message) => {
    if (message === 'loop:start') {
      delay.reset();
      cpuAtStart = process.cpuUsage();
    }
    if (message === 'loop:stop') {
      const cpu = process.cpuUsage(cpuAtStart);
      const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
      const slice: LoopSlice = {
        kind: 'loop:slice', count: delay.count, p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean), cpuMs: (cpu.user + cpu.system) / 1000,
        cdf: GRID.map((percentile) => [percentile, ms(delay.percentile(percentile))]),
      };
      process.send!(slice);
    }
  });
  // The channel must not keep a stopping server alive.
  process.channel?.unref();
}
