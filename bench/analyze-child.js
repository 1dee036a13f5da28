// Runs one analysis of a folder in a fresh process and prints its time and peak memory as JSON.
import { limitHeapGrowth } from '../dist/cli/heap-growth.js';
import { logFileInputs } from '../dist/cli/log-file-inputs.js';
import { tuneForOneAnalysis } from '../dist/cli/one-analysis-tuning.js';
import { readLogInputs } from '../dist/core/logs/index.js';
import { SessionTracker } from '../dist/core/sessions/index.js';
import { analyzeLogs } from '../dist/core/verdict/index.js';

// As the command does before it analyses anything.
limitHeapGrowth();
tuneForOneAnalysis();
const folder = process.argv[2];
const files = await logFileInputs([folder], process.cwd());
if (!files.ok) throw files.error;
if (process.argv[3] === '--held') {
  // Not timed: what the merge and the tracker held at most, the figures memory grows with.
  const tracker = new SessionTracker();
  let events = 0;
  const most = {};
  const stats = await readLogInputs(files.inputs, (event) => {
    tracker.add(event);
    // Every structure the tracker holds, sampled every 1,000 events: the most each held at once.
    if (++events % 1000 === 0)
      for (const [name, count] of Object.entries(tracker.held())) most[name] = Math.max(most[name] ?? 0, count);
  });
  const started = tracker.timelines().users.reduce((sum, user) => sum + user.sessionsStarted, 0);
  process.stdout.write(
    JSON.stringify({ events, maxQueuedEvents: stats.maxQueuedEvents, held: most, sessionsStarted: started }),
  );
  process.exit(0);
}
if (process.argv[3] === '--parse-only') {
  // The inputs read and parsed into events, and the events merged in time order, but not tracked: what the
  // reading half of an analysis costs (the bench takes it from the whole analysis for the tracking half).
  let events = 0;
  const stats = await readLogInputs(files.inputs, () => events++);
  process.stdout.write(JSON.stringify({ events, lines: stats.lines, recognized: stats.recognized }));
  process.exit(0);
}
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
const report = await analyzeLogs(files.inputs);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssKiB: process.resourceUsage().maxRSS,
    verdict: report.verdict.code,
    verdictUser: report.verdict.user,
    users: report.users.length,
    sessions: report.users.reduce((sum, user) => sum + user.sessionsStarted, 0),
    limitUsers: report.users.filter((user) => user.limitDenials > 0).map((user) => user.user),
    lines: report.input.lines,
    recognized: report.input.recognized,
  }),
);
