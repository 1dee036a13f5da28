// `npm run bench`: generates Qlik Sense logs of four shapes once into bench/out/ (gitignored), then measures the
// analyzer, the Node read floor (one reused buffer, newlines counted) and `grep -c UsageDenied` on the same files in
// the same run: CPU seconds (user + system, from /usr/bin/time), MB/s of CPU, the ratios, peak RSS, and what each
// structure of the tracker held at most. `parse only` is the same child reading and merging the events without
// tracking them: the analyzer's figure less it is what tracking and the report cost. Shapes: `sessions` (two files,
// 20,000 users, a random client per session, every line a session event), `held` (the same with 4,000 users,
// ~11,000 sessions open at once: the shape of the 300 MB folder issue 10 was measured on), `unended` (its
// AuditSecurity_Proxy file alone: no line ends a session) and `today` (the Log Collector folder of many layouts).
// BENCH_SIZES=30,100,300 (MB) by default; add 1000 once (BENCH_SIZES=1000) - it takes a while to generate.
// BENCH_RUNS=3 by default: the four commands are run that many times in turn, and each figure is the lowest CPU of
// its runs (the least disturbed: on a shared machine a run is only ever slowed down) and the highest peak RSS.
// Benchmarks measure, tests don't: this is not part of `npm test`. Compare CPU time, not wall time, on a shared machine.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs } from './generate-logs.js';
import { generateSessionShape } from './generate-session-shape.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env['BENCH_SIZES'] ?? process.env['BENCH_MB'] ?? '30,100,300').split(',').map(Number);
const SHAPES = (process.env['BENCH_SHAPES'] ?? 'sessions,held,unended,today').split(',');
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const SESSION_SHAPE_USERS = { sessions: 20_000, held: 4_000, unended: 4_000 };
const MB = 1024 * 1024;

const files = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
  );
const folderBytes = (folder) =>
  existsSync(folder) ? files(folder).reduce((sum, file) => sum + statSync(file).size, 0) : 0;

/** CPU seconds and peak RSS of one child, as /usr/bin/time reports them. */
function timed(command, args, okStatuses = [0]) {
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (!okStatuses.includes(run.status)) throw new Error(`${command} failed: ${run.stderr}`);
  const [user, system, rss] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { cpu: user + system, rssMb: rss / 1024, stdout: run.stdout };
}

/** The least CPU and the most peak RSS of several runs of one command (the last run's output). */
function best(runs) {
  return {
    cpu: Math.min(...runs.map((run) => run.cpu)),
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
    stdout: runs[runs.length - 1].stdout,
  };
}

const rows = [];
for (const shape of SHAPES) {
  for (const size of SIZES) {
    const folder = join(HERE, 'out', `${shape}-${size}mb`);
    if (folderBytes(folder) < size * MB * 0.95) {
      console.log(
        `Generating ${size} MB of the ${shape} shape into ${relative(process.cwd(), folder)} (once; reused next time) ...`,
      );
      rmSync(folder, { recursive: true, force: true });
      if (shape in SESSION_SHAPE_USERS)
        await generateSessionShape(folder, size * MB, SESSION_SHAPE_USERS[shape], shape !== 'unended');
      else await generateLogs(folder, size * MB);
    }
    const list = files(folder);
    const megabytes = folderBytes(folder) / MB;
    execFileSync('cat', list, { stdio: ['ignore', 'ignore', 'inherit'] });
    // The four in turn, so a slow spell of the machine falls on all of them alike.
    const runs = { analyzer: [], parse: [], floor: [], grep: [] };
    for (let run = 0; run < RUNS; run++) {
      runs.analyzer.push(timed(process.execPath, [join(HERE, 'analyze-child.js'), folder]));
      runs.parse.push(timed(process.execPath, [join(HERE, 'analyze-child.js'), folder, '--parse-only']));
      runs.floor.push(timed(process.execPath, [join(HERE, 'read-floor.js'), folder]));
      runs.grep.push(timed('grep', ['-c', 'UsageDenied', ...list], [0, 1]));
    }
    const analyzer = best(runs.analyzer);
    const parseCpu = best(runs.parse).cpu;
    const floor = best(runs.floor);
    const grepCpu = best(runs.grep).cpu;
    const held = JSON.parse(timed(process.execPath, [join(HERE, 'analyze-child.js'), folder, '--held']).stdout);
    const result = JSON.parse(analyzer.stdout);
    rows.push({ shape, megabytes, analyzer, parseCpu, floor, grepCpu, held, result });
    console.log(
      `${shape} ${megabytes.toFixed(0)} MB: analyzer ${analyzer.cpu.toFixed(2)} s CPU (${(megabytes / analyzer.cpu).toFixed(0)} MB/s), ${analyzer.rssMb.toFixed(0)} MB peak RSS (reading and parsing alone ${parseCpu.toFixed(2)} s); read floor ${floor.cpu.toFixed(2)} s; grep -c ${grepCpu.toFixed(2)} s (best of ${RUNS})`,
    );
  }
}

console.log(
  '\n| shape | MB | analyzer CPU s | MB/s | x read floor | x grep -c | peak RSS MB | read floor CPU s | grep -c CPU s | parse only CPU s |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  const { shape, megabytes, analyzer, parseCpu, floor, grepCpu } = row;
  console.log(
    `| ${shape} | ${megabytes.toFixed(0)} | ${analyzer.cpu.toFixed(2)} | ${(megabytes / analyzer.cpu).toFixed(0)} | ${(analyzer.cpu / floor.cpu).toFixed(1)} | ${(analyzer.cpu / Math.max(grepCpu, 0.01)).toFixed(1)} | ${analyzer.rssMb.toFixed(0)} | ${floor.cpu.toFixed(2)} | ${grepCpu.toFixed(2)} | ${parseCpu.toFixed(2)} |`,
  );
}
console.log('\nHeld at most (entries per structure), and the result:');
for (const row of rows) {
  console.log(
    `${row.shape} ${row.megabytes.toFixed(0)} MB: ${JSON.stringify(row.held.held)}; ${row.held.maxQueuedEvents} of ${row.held.events} events queued for the merge; ${row.result.verdict} for ${row.result.verdictUser}, ${row.result.users} users, ${row.result.sessions} sessions`,
  );
}
