// `npm run bench:watch`: feeds the watch an hour of Qlik Sense proxy log lines (default 50 lines a second of log
// time, two nodes, rollover every 10 minutes) through the real folder follower, and prints the heap and what the
// watch holds every 5 minutes of log time. The heap must stay flat. Not part of `npm test`: benchmarks measure.
// Run with `node --expose-gc bench/watch-memory.js [--lines-per-second 50] [--hours 1]` after `npm run build`.
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createFileWatchState, followLogFolders } from '../dist/adapters/log-folder/index.js';
import { createMemoryStateStore } from '../dist/adapters/state/index.js';
import { alertReply, alertSummary, createAlertDispatcher, createWatch } from '../dist/bot/index.js';
import { LOG_LAYOUTS } from '../dist/core/logs/index.js';

const { values } = parseArgs({
  options: { 'lines-per-second': { type: 'string', default: '50' }, hours: { type: 'string', default: '1' } },
});
const LINES_PER_SECOND = Number(values['lines-per-second']);
const SECONDS = Math.round(Number(values.hours) * 3600);
const USERS = 400;
const dir = mkdtempSync(join(tmpdir(), 'qlik-watch-bench-'));
const start = Date.now() - SECONDS * 1000;

const pad = (value, width = 2) => String(value).padStart(width, '0');
function stamp(at) {
  const d = new Date(at + 3_600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0100`;
}
const row = (layout, fields) => LOG_LAYOUTS[layout].map((column) => fields[column] ?? '').join('\t');
const header = (layout) => `\uFEFF${LOG_LAYOUTS[layout].join('\t')}\r\n`;

const nodes = ['QS1', 'QS2'].map((host) => {
  const folder = join(dir, 'Log', host, 'Proxy', 'Audit');
  mkdirSync(folder, { recursive: true });
  const activity = join(folder, `${host}_AuditActivity_Proxy.txt`);
  const security = join(folder, `${host}_AuditSecurity_Proxy.txt`);
  writeFileSync(activity, header('AuditActivity_Proxy'));
  writeFileSync(security, header('AuditSecurity_Proxy'));
  return { host, folder, activity, security, buffered: { activity: [], security: [] } };
});

let sequence = 0;
let sessionNumber = 0;
const open = [];
function lineAt(at) {
  const node = nodes[sequence % nodes.length];
  const user = `CORP\\user${Math.floor(Math.random() * USERS)}`;
  const [directory, id] = user.split('\\');
  const common = {
    'Sequence#': String(++sequence),
    ProductVersion: '11.41.1.0',
    Timestamp: stamp(at),
    Hostname: node.host,
    Id: crypto.randomUUID(),
    UserDirectory: directory,
    UserId: id,
    ObjectId: '0',
    ProxyPackageId: '0',
    RequestSequenceId: '0',
  };
  // Keep about 600 sessions open: each new one ends an old one.
  if (open.length > 600 && Math.random() < 0.5) {
    const ended = open.splice(Math.floor(Math.random() * open.length), 1)[0];
    node.buffered.activity.push(
      row('AuditActivity_Proxy', {
        ...common,
        UserId: ended.id,
        ProxySessionId: ended.session,
        Description: 'Command=Stop session;Result=0;ResultText=Success',
        ObjectName: ended.user,
        Service: 'Proxy',
        Context: '/qps/sessionstop',
        Command: 'Stop session',
        Result: '0',
        Message: `Stop session for user '${ended.user}' . Session id = '${ended.session}' and all dependents will be deleted.`,
      }),
    );
    return;
  }
  const session = `bench-${++sessionNumber}`;
  open.push({ user, id, session });
  if (Math.random() < 0.5) {
    node.buffered.activity.push(
      row('AuditActivity_Proxy', {
        ...common,
        ProxySessionId: session,
        Description: 'Command=Start session;Result=0;ResultText=Success',
        ObjectName: user,
        Service: 'Proxy',
        Context: `/qps/sessionstart/${id}`,
        Command: 'Start session',
        Result: '0',
        Message: `Start session for user: '${user}'`,
      }),
    );
  } else {
    node.buffered.security.push(
      row('AuditSecurity_Proxy', {
        ...common,
        ProxySessionId: session,
        Description: 'Command=Login;Result=0;ResultText=Success',
        SecurityClass: 'Security',
        ClientHostAddress: `10.0.${Math.floor(Math.random() * 4)}.${Math.floor(Math.random() * 250)}`,
        Service: 'Proxy',
        Origin: 'AppAccess',
        Context: '/hub/',
        Command: 'Login',
        Result: '0',
        Message: `User authenticated. User '${user}' used authentication method 'ticket' and got session '${session}'`,
      }),
    );
  }
}

function flush() {
  for (const node of nodes) {
    if (node.buffered.activity.length > 0) appendFileSync(node.activity, `${node.buffered.activity.join('\r\n')}\r\n`);
    if (node.buffered.security.length > 0) appendFileSync(node.security, `${node.buffered.security.join('\r\n')}\r\n`);
    node.buffered = { activity: [], security: [] };
  }
}

function rollOver(at) {
  const suffix = new Date(at).toISOString().slice(0, 19).replace(/:/g, '.');
  for (const node of nodes) {
    for (const [path, layout] of [
      [node.activity, 'AuditActivity_Proxy'],
      [node.security, 'AuditSecurity_Proxy'],
    ]) {
      renameSync(path, join(node.folder, `${node.host}_${layout}_${suffix}Z.log`));
      writeFileSync(path, header(layout));
    }
  }
}

let alerts = 0;
const sink = { post: async () => (alerts++, null), followUp: async () => undefined };
let simulated = start;
const feed = await followLogFolders({
  folders: [join(dir, 'Log')],
  state: createFileWatchState(join(dir, 'state.json')).section('positions'),
  now: () => simulated,
  discoverEveryMs: 1000,
});
const dispatcher = createAlertDispatcher({
  store: createMemoryStateStore(),
  sink,
  cooldownMs: 3_600_000,
  render: async (alert) => ({ summary: alertSummary(alert), reply: alertReply(alert, { endButton: false }) }),
});
const watch = createWatch({
  feed,
  dispatcher,
  serviceAccounts: [],
  folderPollMs: 1000,
  liveIntervalMs: 60_000,
  onProblem: (text) => console.error(text),
  onError: (error) => console.error(error),
  now: () => simulated,
});

const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1048576;
};
console.log(
  `${LINES_PER_SECOND} lines a second of log time for ${SECONDS / 3600} h, ${USERS} users, 2 nodes, rollover every 10 min${globalThis.gc === undefined ? ' (run with --expose-gc for exact heap figures)' : ''}`,
);
console.log('log minute  lines      heap MB  held by the watch  alerts');
const samples = [];
const began = Date.now();
for (let second = 0; second < SECONDS; second++) {
  simulated = start + second * 1000;
  for (let index = 0; index < LINES_PER_SECOND; index++)
    lineAt(simulated + Math.floor((index * 1000) / LINES_PER_SECOND));
  flush();
  if (second > 0 && second % 600 === 0) rollOver(simulated);
  // The real watch reads every few seconds; reading every 5 s of log time keeps the batches the same size.
  if (second % 5 === 4) for (let more = true; more;) more = (await watch.readLogsOnce()).more;
  if (second % 300 === 299) {
    const mb = heap();
    samples.push(mb);
    console.log(
      `${String(Math.round((second + 1) / 60)).padStart(10)}  ${String(sequence).padStart(9)}  ${mb.toFixed(1).padStart(7)}  ${String(watch.retained()).padStart(17)}  ${String(alerts).padStart(6)}`,
    );
  }
}
const seconds = (Date.now() - began) / 1000;
const firstHalf = samples.slice(1, Math.ceil(samples.length / 2));
const secondHalf = samples.slice(Math.ceil(samples.length / 2));
const mean = (list) => list.reduce((sum, value) => sum + value, 0) / Math.max(1, list.length);
console.log(
  `fed ${sequence} lines in ${seconds.toFixed(1)} s (${Math.round(sequence / seconds)} lines/s); heap ${mean(firstHalf).toFixed(1)} MB in the first half, ${mean(secondHalf).toFixed(1)} MB in the second`,
);
rmSync(dir, { recursive: true, force: true });
