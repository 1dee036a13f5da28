// The app under test for bench/file-shares.js, in its own process so its peak RSS is the app's alone: the real
// composition root (dist/main.js), the real Bolt HTTP receiver, the worker pool as configured (ANALYSIS_WORKERS).
import { readConfig } from '../dist/config/index.js';
import { buildApp } from '../dist/main.js';
import { silentLogger } from '../dist/bot/index.js';

const read = readConfig(process.env);
if (!read.ok) throw new Error(read.errors.join('; '));
const app = buildApp(read.config, { logger: silentLogger, webApiRetries: 0 });
const started = await app.startSlack({ port: 0 });
if (!started.ok) throw new Error(started.error);

let peakRss = process.memoryUsage.rss();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 10);
process.send({ type: 'ready', port: started.port, workers: read.config.analysis.workers });
process.on('message', async (message) => {
  if (message.type !== 'report') return;
  clearInterval(sampler);
  await started.app.stop();
  process.send({ type: 'report', peakRssBytes: peakRss, maxRssKiB: process.resourceUsage().maxRSS });
  process.exit(0);
});
