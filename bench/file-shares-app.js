// The app under test for bench/file-shares.js, in its own process so its peak RSS is the app's alone: the real
// composition root (dist/main.js), the real Bolt HTTP receiver, the worker pool as configured (ANALYSIS_WORKERS).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { limitHeapGrowth } from '../dist/cli/heap-growth.js';
import { readConfig } from '../dist/config/index.js';
import { buildApp } from '../dist/main.js';
import { createAnalysisPool } from '../dist/adapters/analysis-worker/index.js';
import { silentLogger } from '../dist/bot/index.js';

// As `qlik-sessions serve` does before it starts.
limitHeapGrowth();
const read = readConfig(process.env);
if (!read.ok) throw new Error(read.errors.join('; '));
// BENCH_QUEUE_PER_WORKER tries another queue bound with the same pool; by default the app builds its own.
const perWorker = process.env['BENCH_QUEUE_PER_WORKER'];
const workers = read.config.analysis.workers;
const pool =
  perWorker === undefined
    ? undefined
    : createAnalysisPool({ workers, queueLimit: workers * Number(perWorker), warm: true });
const app = buildApp(read.config, {
  logger: silentLogger,
  webApiRetries: 0,
  ...(pool === undefined ? {} : { analyze: pool.analyze }),
});
const started = await app.startSlack({ port: 0 });
if (!started.ok) throw new Error(started.error);

// Every 100 ms: reading RSS costs a /proc read, and every 10 ms cost the app a quarter of a second of CPU.
let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
// How long the event loop was held up: an ack waits for it, so this tells the app's own delay from the machine's.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
process.send({ type: 'ready', port: started.port, workers });
process.on('message', async (message) => {
  if (message.type !== 'report') return;
  clearInterval(sampler);
  await started.app.stop();
  await pool?.close();
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  loopDelay.disable();
  const loopDelayMs = {
    p50: loopDelay.percentile(50) / 1e6,
    p99: loopDelay.percentile(99) / 1e6,
    max: loopDelay.max / 1e6,
  };
  process.send({ type: 'report', peakRssBytes: peakRss, maxRssKiB: usage.maxRSS, cpuSeconds, loopDelayMs });
  process.exit(0);
});
