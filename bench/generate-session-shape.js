// The shape of issue 10's held-out folder: two files, many users (20,000 by default), ~6 sessions started a
// second, each lasting 30 minutes (~11,000 open at once), a random client address per session, and almost every
// line a session event (Login in AuditSecurity_Proxy; got session and the timeout in Audit_Proxy).
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HEADERS } from './generate-logs.js';
import { seededRandom } from './seeded-random.js';

const two = (value) => String(value).padStart(2, '0');
function stamp(at) {
  const local = new Date(at + 3_600_000);
  return `${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}T${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}.${String(local.getUTCMilliseconds()).padStart(3, '0')}+0100`;
}

/**
 * Writes the two files into `root` and resolves with their size in bytes. `withEnds: false` writes the
 * AuditSecurity_Proxy file alone: Login lines and no line that ends a session (a long excerpt of one log).
 */
export async function generateSessionShape(root, targetBytes, userCount = 20_000, withEnds = true) {
  const { random, guid } = seededRandom(20260101);
  let counter = 0;
  /** Row ids and checksums: unique and cheap (only session ids and addresses need to be random). */
  const serial = (length) => (counter++).toString(16).padStart(length, '0');
  mkdirSync(root, { recursive: true });
  const security = createWriteStream(join(root, 'QS1_AuditSecurity_Proxy.txt'));
  const trace = withEnds ? createWriteStream(join(root, 'QS1_Audit_Proxy.txt')) : null;
  let written = 0;
  const out = { security: [], trace: [] };
  const put = (which, line) => {
    if (which === 'trace' && trace === null) return;
    out[which].push(line);
    written += line.length + 2;
  };
  const flush = async () => {
    for (const [which, stream] of [
      ['security', security],
      ['trace', trace],
    ]) {
      if (stream === null || out[which].length === 0) continue;
      if (!stream.write(`${out[which].join('\r\n')}\r\n`))
        await new Promise((resolve) => stream.once('drain', resolve));
      out[which] = [];
    }
  };
  put('security', `\uFEFF${HEADERS.AuditSecurity_Proxy}`);
  put('trace', `\uFEFF${HEADERS.Audit_Proxy}`);
  let sequence = 1;
  let time = Date.UTC(2024, 2, 11, 6, 0, 0);
  const ends = [];
  while (written < targetBytes) {
    time += Math.floor(random() * 333);
    while (ends.length > 0 && ends[0].at <= time) {
      const end = ends.shift();
      put(
        'trace',
        `${sequence++}\t${stamp(end.at)}\tINFO\tQS1\tAudit.Proxy.Proxy.SessionEstablishment.Session.MetaSession\t42\t${serial(36)}\tCORP\\qlikservice\tSession ${end.sid} has been deleted due to inactivity\t${end.sid}\t\tCORP\t${end.user}\t\t\t\t\t\t${serial(40)}`,
      );
    }
    const user = `user${String(Math.floor(random() * userCount)).padStart(5, '0')}`;
    const sid = guid();
    const address = `::ffff:10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
    put(
      'trace',
      `${sequence++}\t${stamp(time)}\tINFO\tQS1\tAudit.Proxy.Proxy.SessionEstablishment.Authentication.AbstractAuthenticationHandler\t42\t${serial(36)}\tCORP\\qlikservice\tUser '${user}' used 'ticket' authentication, got session: '${sid}'\t${sid}\t${serial(36)}\tCORP\t${user}\t${serial(16)}\t${address}\t\tqs.corp.local:4244\t{}\t${serial(40)}`,
    );
    put(
      'security',
      `${sequence++}\t11.41.1.0\t${stamp(time + 1)}\tQS1\t${serial(36)}\tCommand=Login;Result=0;ResultText=Success\t${sid}\t${serial(36)}\t0\tCORP\t${user}\t0\tNot available\tSecurity\t${address}\tProxy\tAppAccess\t/hub/\tLogin\t0\tUser authenticated. User 'CORP\\${user}' used authentication method 'ticket' and got session '${sid}'\t${serial(40)}`,
    );
    ends.push({ at: time + 30 * 60_000, sid, user });
    if (out.trace.length + out.security.length >= 4096) await flush();
  }
  await flush();
  const streams = trace === null ? [security] : [security, trace];
  await Promise.all(streams.map((stream) => new Promise((resolve) => stream.end(resolve))));
  return written;
}
