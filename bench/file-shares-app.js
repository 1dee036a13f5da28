// The app under test for bench/file-shares.js, in its own process so its peak RSS is the app's alone: the real
// composition root (dist/main.js), the real Bolt HTTP receiver, the worker pool as configured (ANALYSIS_WORKERS).
import { readConfig } from '../dist/config/index.js';
import { buildApp } from '../dist/main.js';
import { createAnalysisPool } from '../dist/adapters/analysis-worker/index.js';
import { silentLogger } from '../dist/bot/index.js';

const read = readConfig(process.env);
if (!read.ok) throw new Error(read.errors.join('; '));
// BENCH_QUEUE_PER_WORKER tries another queue bound with the same pool; by default the app builds its own.
const perWorker = process.env['BENCH_QUEUE_PER_WORKER'];
const workers = read.config.analysis.workers;
const pool =
  perWorker === undefined ? undefined : createAnalysisPool({ workers, queueLimit: workers * Number(perWorker), warm: true });
const app = buildApp(read.config, {
  logger: silentLogger,
  webApiRetries: 0,
  ...(pool === undefined ? {} : { analyze: pool.analyze }),
});
const started = await app.startSlack({ port: 0 });
if (!started.ok) throw new Error(started.error);

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
process.send({ type: 'ready', port: started.port, workers });
process.on('message', async (message) => {
  if (message.type !== 'report') return;
  clearInterval(sampler);
  await started.app.stop();
  await pool?.close();
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.send({ type: 'report', peakRssBytes: peakRss, maxRssKiB: usage.maxRSS, cpuSeconds });
  process.exit(0);
});
