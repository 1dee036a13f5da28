// `npm run bench:file-shares`: 100 simultaneous signed file shares of a ~3.4 MB Qlik Sense log, fired at the real
// Bolt HTTP receiver of the app (in a child process, bench/file-shares-app.js) with a local stand-in for the Slack
// Web API and file host (this process). Reports the app's peak RSS, the slowest ack, and whether every message got
// an answer (a verdict, or the "busy, try again shortly" reply). Targets: RSS <= 400 MB, every ack < 1 s, every
// message answered. Not part of `npm test`: benchmarks measure, tests do not. BENCH_SHARES, BENCH_FILE_MB and
// ANALYSIS_WORKERS change the load.
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLogs } from './generate-logs.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SHARES = Number(process.env['BENCH_SHARES'] ?? 100);
const FILE_BYTES = Math.round(Number(process.env['BENCH_FILE_MB'] ?? 3.4) * 1024 * 1024);
const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench-token';
const ANSWER_TIMEOUT_MS = 15 * 60_000;

/**
 * A proxy audit log of FILE_BYTES from a generated Log Collector folder: the largest AuditActivity_Proxy file, then
 * the rows of the same log of the other node (as when two files are joined), cut at a line end.
 */
async function sampleLog() {
  const dir = mkdtempSync(join(tmpdir(), 'qlik-sessions-bench-'));
  try {
    await generateLogs(dir, FILE_BYTES * 4);
    const files = (function walk(folder) {
      return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
      );
    })(dir);
    const proxy = files
      .filter((file) => /_AuditActivity_Proxy/.test(file))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    const parts = [];
    let bytes = 0;
    for (const [index, file] of proxy.entries()) {
      const content = readFileSync(file);
      const body = index === 0 ? content : content.subarray(content.indexOf(0x0a) + 1);
      parts.push(body);
      bytes += body.length;
      if (bytes >= FILE_BYTES) break;
    }
    const joined = Buffer.concat(parts);
    return joined.subarray(0, joined.lastIndexOf(0x0a, FILE_BYTES) + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Slack Web API and file host the app talks to: records every answer posted, serves the log file. */
function startStandIn(log) {
  const posts = new Map();
  let downloads = 0;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    if (request.method === 'GET' && path.startsWith('/files-pri/')) {
      downloads += 1;
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': log.length }).end(log);
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const method = path.slice('/api/'.length);
      const args = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      let body = { ok: true };
      if (method === 'auth.test') body = { ok: true, user_id: 'UBENCHBOT', bot_id: 'BBENCHBOT', team_id: 'TBENCH' };
      if (method === 'chat.postMessage') {
        posts.set(args['channel'], { at: Date.now(), text: String(args['text'] ?? '') });
        body = { ok: true, channel: args['channel'], ts: `${Date.now() / 1000}` };
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        host: `127.0.0.1:${port}`,
        posts,
        downloads: () => downloads,
        close: () => server.close(),
      });
    });
  });
}

/** A file_share DM event, signed as Slack signs it; resolves with the time to the acknowledgement. */
async function share(eventsUrl, standIn, index, size) {
  const channel = `DBENCH${String(index).padStart(4, '0')}`;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(index).padStart(6, '0')}`;
  const name = `QS${index}_AuditActivity_Proxy.txt`;
  const file = {
    id: `FBENCH${index}`,
    name,
    mimetype: 'text/plain',
    filetype: 'text',
    size,
    url_private_download: `${standIn.url}/files-pri/${name}`,
  };
  const user = `UBENCH${index}`;
  const event = {
    type: 'message',
    subtype: 'file_share',
    channel,
    channel_type: 'im',
    user,
    text: '',
    ts,
    files: [file],
  };
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'TBENCH',
    event_id: `EvBENCH${index}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  const response = await fetch(eventsUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  await response.arrayBuffer();
  return { channel, status: response.status, ackMs: performance.now() - started };
}

const log = await sampleLog();
const standIn = await startStandIn(log);
const child = fork(join(HERE, 'file-shares-app.js'), {
  env: {
    ...process.env,
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: `${standIn.url}/api/`,
    SLACK_FILE_HOSTS: standIn.host,
    LOG_LEVEL: 'error',
  },
});
const fromApp = (type) =>
  new Promise((resolve) => child.on('message', (message) => message.type === type && resolve(message)));
const ready = await fromApp('ready');
const eventsUrl = `http://127.0.0.1:${ready.port}/slack/events`;

// The first fetch of a process loads undici and opens a connection; done once here, so the acks measure the app.
await (await fetch(eventsUrl.replace('/slack/events', '/healthz'))).arrayBuffer();
const firedAt = Date.now();
const acks = await Promise.all(
  Array.from({ length: SHARES }, (_, index) => share(eventsUrl, standIn, index + 1, log.length)),
);
const deadline = Date.now() + ANSWER_TIMEOUT_MS;
while (standIn.posts.size < SHARES && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
const lastAnswerSeconds = (Math.max(...[...standIn.posts.values()].map((post) => post.at)) - firedAt) / 1000;

const reportPromise = fromApp('report');
child.send({ type: 'report' });
const report = await reportPromise;
standIn.close();

const answers = [...standIn.posts.values()];
const busy = answers.filter((post) => /busy analysing other logs/.test(post.text)).length;
const failed = answers.filter((post) => /stopped unexpectedly|took far too long|Sorry/.test(post.text)).length;
const slowestAck = Math.max(...acks.map((ack) => ack.ackMs));
const peakRssMb = report.peakRssBytes / 1048576;
const figures = {
  shares: SHARES,
  fileMB: +(log.length / 1048576).toFixed(2),
  workers: ready.workers,
  acked200: acks.filter((ack) => ack.status === 200).length,
  slowestAckMs: Math.round(slowestAck),
  medianAckMs: Math.round([...acks.map((ack) => ack.ackMs)].sort((a, b) => a - b)[Math.floor(SHARES / 2)]),
  answered: answers.length,
  verdicts: answers.length - busy - failed,
  busyReplies: busy,
  errorReplies: failed,
  downloads: standIn.downloads(),
  lastAnswerSeconds: +lastAnswerSeconds.toFixed(1),
  peakRssMB: Math.round(peakRssMb),
  maxRssMB: Math.round(report.maxRssKiB / 1024),
  appCpuSeconds: +report.cpuSeconds.toFixed(1),
  appEventLoopDelayMs: Object.fromEntries(Object.entries(report.loopDelayMs).map(([key, ms]) => [key, Math.round(ms)])),
  // Other processes on the machine: acks need the CPU when the requests come in.
  loadAverage1m: +loadavg()[0].toFixed(1),
};
console.log(JSON.stringify(figures, null, 2));
const ok = figures.answered === SHARES && figures.acked200 === SHARES && slowestAck < 1000 && figures.maxRssMB <= 400;
console.log(
  ok ? 'PASS: every message answered, every ack < 1 s, RSS <= 400 MB' : 'FAIL: a target was missed (see above)',
);
process.exit(ok ? 0 : 1);
