// `npm run bench`: generates >= 300 MB of realistic Qlik Sense logs once into bench/out/, then measures the
// analyzer against `grep -c UsageDenied` on the same files. Not part of `npm test`: benchmarks measure, tests don't.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs } from './generate-logs.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out', 'Log');
const TARGET_BYTES = Number(process.env['BENCH_MB'] ?? 320) * 1024 * 1024;
const RUNS = 3;

function files(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]));
}

function folderBytes(folder) {
  return existsSync(folder) ? files(folder).reduce((sum, file) => sum + statSync(file).size, 0) : 0;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (folderBytes(OUT) < TARGET_BYTES * 0.95) {
  console.log(`Generating ${Math.round(TARGET_BYTES / 1048576)} MB of Qlik Sense logs into ${relative(process.cwd(), OUT)} (once; reused next time) ...`);
  const started = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  await generateLogs(OUT, TARGET_BYTES);
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
const logFiles = files(OUT);
const bytes = folderBytes(OUT);
const megabytes = bytes / 1048576;
console.log(`Input: ${logFiles.length} files, ${megabytes.toFixed(0)} MB in ${relative(process.cwd(), OUT)}`);

// Warm the page cache so both sides read from memory.
execFileSync('cat', logFiles, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 });

const runs = [];
for (let run = 0; run < RUNS; run++) {
  const child = spawnSync(process.execPath, [join(HERE, 'analyze-child.js'), OUT], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`analysis failed: ${child.stderr}`);
  runs.push(JSON.parse(child.stdout));
}
const grepSeconds = [];
let denials = 0;
for (let run = 0; run < RUNS; run++) {
  const started = process.hrtime.bigint();
  const grep = spawnSync('grep', ['-c', 'UsageDenied', ...logFiles], { encoding: 'utf8', maxBuffer: 1 << 24 });
  grepSeconds.push(Number(process.hrtime.bigint() - started) / 1e9);
  denials = grep.stdout.split('\n').reduce((sum, line) => sum + Number(line.split(':').pop() || 0), 0);
}

const heldRun = spawnSync(process.execPath, [join(HERE, 'analyze-child.js'), OUT, '--held'], { encoding: 'utf8', maxBuffer: 1 << 20 });
if (heldRun.status !== 0) throw new Error(`analysis failed: ${heldRun.stderr}`);
const held = JSON.parse(heldRun.stdout);

const seconds = median(runs.map((run) => run.seconds));
const grepTime = median(grepSeconds);
const peakRss = Math.max(...runs.map((run) => run.maxRssKiB)) / 1024;
const last = runs[runs.length - 1];
console.log(`Analyzer: ${seconds.toFixed(2)} s, ${(megabytes / seconds).toFixed(0)} MB/s (median of ${RUNS}), peak RSS ${peakRss.toFixed(0)} MB`);
console.log(`grep -c UsageDenied: ${grepTime.toFixed(2)} s, ${(megabytes / grepTime).toFixed(0)} MB/s (${denials} lines)`);
console.log(`Ratio analyzer/grep: ${(seconds / grepTime).toFixed(1)}x the time of grep`);
console.log(
  `Held at most: ${held.maxRetainedSessions} session records (open or just closed) and ${held.maxRetainedStarts} start instants (last 3 h, for reload windows) of ${held.sessionsStarted} sessions; ${held.maxQueuedEvents} of ${held.events} events queued for the merge`,
);
console.log(`Result: ${last.verdict} for ${last.verdictUser}; ${last.users} users, ${last.sessions} sessions, ${last.lines} lines (${last.recognized} recognised); denied at the limit: ${last.limitUsers.join(', ')}`);
