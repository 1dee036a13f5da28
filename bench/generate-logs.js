// Generates a large, realistic Qlik Sense Log Collector folder for `npm run bench`: two proxy nodes in different
// time zones, thousands of users whose sessions start, open apps, time out or log out, the service account's
// hourly Monitoring-app sessions, a few users denied at the limit, and bulk System noise. Files roll over at 8 MB
// into archived names, as Qlik Sense does.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from './seeded-random.js';

const ROLL_BYTES = 8 * 1024 * 1024;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const HEADERS = {
  AuditSecurity_Repository:
    'Sequence#\tProductVersion\tTimestamp\tHostname\tId\tDescription\tProxySessionId\tProxyPackageId\tRequestSequenceId\tUserDirectory\tUserId\tObjectId\tObjectName\tSecurityClass\tClientHostAddress\tService\tOrigin\tContext\tCommand\tResult\tMessage\tChecksum',
  License_Repository:
    'Sequence#\tTimestamp\tLevel\tHostname\tLogger\tThread\tId\tServiceUser\tMessage\tProxySessionId\tAccessTypeId\tAccessType\tOperation\tUserName\tUserId\tChecksum',
  AuditActivity_Proxy:
    'Sequence#\tProductVersion\tTimestamp\tHostname\tId\tDescription\tProxySessionId\tProxyPackageId\tRequestSequenceId\tUserDirectory\tUserId\tObjectId\tObjectName\tService\tOrigin\tContext\tCommand\tResult\tMessage\tId2',
  AuditSecurity_Proxy:
    'Sequence#\tProductVersion\tTimestamp\tHostname\tId\tDescription\tProxySessionId\tProxyPackageId\tRequestSequenceId\tUserDirectory\tUserId\tObjectId\tObjectName\tSecurityClass\tClientHostAddress\tService\tOrigin\tContext\tCommand\tResult\tMessage\tChecksum',
  Audit_Proxy:
    'Sequence#\tTimestamp\tLevel\tHostname\tLogger\tThread\tId\tServiceUser\tMessage\tProxySessionId\tConnectionId\tActiveUserDirectory\tActiveUserId\tTicketId\tIpAddress\tAppId\tTargetHost\tVirtualProxy\tChecksum',
  Session_Engine:
    'Sequence#\tTimestamp\tLevel\tHostname\tLogger\tThread\tId\tServiceUser\tMessage\tProxySessionId\tActiveUserDirectory\tActiveUserId\tEngineTimestamp\tEngineThread\tProcessId\tSessionId\tExe Version\tServer Started\tProxyPackageId\tAppId\tApp Title\tDoc Timestamp\tExit Reason\tSession Start\tSession Duration\tCPU Spent (s)\tBytes Received\tBytes Sent\tCalls\tSelections\tAuthenticated User\tSecure Protocol\tId2',
  TaskExecution_Scheduler:
    'Sequence#\tTimestamp\tLevel\tHostname\tLogger\tThread\tId\tServiceUser\tMessage\tException\tStackTrace\tProxySessionId\tTaskId\tTaskName\tAppId\tAppName\tExecutionId\tExecutingNodeId\tExecutingNodeName\tStatus\tStartTime\tStopTime\tDuration\tFailureReason\tId2',
  System_Repository:
    'Sequence#\tTimestamp\tLevel\tHostname\tLogger\tThread\tId\tServiceUser\tMessage\tException\tStackTrace\tId2',
};
const FOLDERS = {
  AuditSecurity_Repository: 'Repository/Audit',
  License_Repository: 'Repository/Trace',
  System_Repository: 'Repository/Trace',
  AuditActivity_Proxy: 'Proxy/Audit',
  AuditSecurity_Proxy: 'Proxy/Audit',
  Audit_Proxy: 'Proxy/Trace',
  Session_Engine: 'Engine/Trace',
  TaskExecution_Scheduler: 'Scheduler/Trace',
};

const { random, hex, guid } = seededRandom(20190201);
const pick = (items) => items[Math.floor(random() * items.length)];
const two = (value) => String(value).padStart(2, '0');

/** A Qlik timestamp in the node's own zone, e.g. `20190201T045901.569+0100`. */
function stamp(at, offsetMinutes) {
  const local = new Date(at + offsetMinutes * MINUTE);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return `${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}T${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}.${String(local.getUTCMilliseconds()).padStart(3, '0')}${sign}${two(Math.floor(offset / 60))}${two(offset % 60)}`;
}

/** One log file of one node, rolled over into archived names every 8 MB. */
class RollingLog {
  constructor(root, node, layout) {
    this.dir = join(root, node.name, FOLDERS[layout]);
    mkdirSync(this.dir, { recursive: true });
    this.node = node;
    this.layout = layout;
    this.sequence = 1;
    this.open();
  }
  open() {
    this.stream = createWriteStream(join(this.dir, `${this.node.host}_${this.layout}.txt`));
    this.bytes = 0;
    this.parts = [];
    this.write(`\uFEFF${HEADERS[this.layout]}`);
  }
  write(line) {
    const text = `${line}\r\n`;
    this.parts.push(text);
    this.bytes += text.length;
    if (this.parts.length >= 512) this.flushParts();
  }
  flushParts() {
    if (this.parts.length > 0) this.stream.write(this.parts.join(''));
    this.parts = [];
  }
  row(fields) {
    this.write(`${this.sequence++}\t${fields.join('\t')}`);
  }
  async rollIfFull(at) {
    if (this.bytes < ROLL_BYTES) return;
    await this.close();
    const { renameSync } = await import('node:fs');
    const archived = new Date(at).toISOString().slice(0, 19).replace(/:/g, '.');
    renameSync(
      join(this.dir, `${this.node.host}_${this.layout}.txt`),
      join(this.dir, `${this.node.host}_${this.layout}_${archived}Z.log`),
    );
    this.open();
  }
  close() {
    this.flushParts();
    return new Promise((resolve) => this.stream.end(resolve));
  }
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
];
const APPS = Array.from({ length: 40 }, () => guid());
const SYSTEM_MESSAGES = [
  'Synchronization of the repository database completed in 143 ms',
  'Checking for changes in the user directory connector took 12 ms',
  'Cache refreshed for entity type App: 412 items',
  'Engine health check on qs-node:4747 returned 200 OK',
  'Distribution of configuration to node qs-node finished',
  'Resource usage: cpu 12%, memory 4312 MB, handles 2811',
];

/**
 * Writes the folder and resolves with its size in bytes. Sessions are generated hour by hour; their lines go into
 * minute buckets, written in time order once no later session can add lines to them.
 */
export async function generateLogs(root, targetBytes) {
  const nodes = [
    { name: 'QS1', host: 'QS1', offset: 60 },
    { name: 'QS2', host: 'QS2', offset: -300 },
  ];
  const layouts = Object.keys(HEADERS);
  const logs = new Map(
    nodes.map((node) => [
      node.name,
      Object.fromEntries(layouts.map((layout) => [layout, new RollingLog(root, node, layout)])),
    ]),
  );
  const users = Array.from({ length: 4000 }, (_, index) => ({
    directory: 'CORP',
    id: `user${String(index).padStart(4, '0')}`,
    address: `::ffff:10.${20 + (index % 200)}.${Math.floor(index / 200)}.${10 + (index % 37)}`,
    agent: pick(USER_AGENTS),
    node: nodes[index % 2],
    open: [],
  }));
  // A few users open more browsers and machines than the limit allows.
  const heavy = users.slice(0, 6);
  const buckets = new Map();
  const at = (time, node, layout, fields) => {
    const minute = Math.floor(time / MINUTE);
    let bucket = buckets.get(minute);
    if (bucket === undefined) buckets.set(minute, (bucket = []));
    bucket.push({ time, node, layout, fields });
  };

  const auditRow = (time, node, command, result, resultText, sid, user, extra) => [
    '11.41.1.0',
    stamp(time, node.offset),
    node.host,
    guid(),
    `Command=${command};Result=${result};ResultText=${resultText}`,
    sid,
    '0',
    '0',
    user.directory,
    user.id,
    ...extra,
  ];
  const traceRow = (time, node, logger, message, rest) => [
    stamp(time, node.offset),
    'INFO',
    node.host,
    logger,
    String(10 + Math.floor(random() * 90)),
    guid(),
    'CORP\\qlikservice',
    message,
    ...rest,
  ];

  function session(start, user, node, address, agent, viaQrs) {
    const sid = guid();
    const ticket = hex(16);
    const context = viaQrs ? '/qrs/license/useraccesstype/full?xrfkey=0000000000000000' : '/hub/';
    at(
      start - 320,
      node,
      'Audit_Proxy',
      traceRow(
        start - 320,
        node,
        'Audit.Proxy.Proxy.SessionEstablishment.RedirectionHandler',
        `Authentication required, redirecting client@http://[${address}]:55441/ to https://qs.corp.local/internal_windows_authentication/?xrfkey=0000000000000000&targetId=${guid()}`,
        ['0', guid(), '', '', '', address, '', '', '{}', hex(40)],
      ),
    );
    at(
      start - 60,
      node,
      'Audit_Proxy',
      traceRow(
        start - 60,
        node,
        'Audit.Proxy.Proxy.SessionEstablishment.Authentication.TicketValidator',
        `Issued ticket '${ticket}' for user, valid for 1 minute(s)`,
        ['0', '', user.directory, user.id, ticket, '', '', '', '', hex(40)],
      ),
    );
    at(
      start - 40,
      node,
      'AuditActivity_Proxy',
      auditRow(start - 40, node, 'Get ticket', 0, 'Success', '0', { directory: 'INTERNAL', id: 'sa_proxy' }, [
        '0',
        'Not available',
        'Proxy',
        'Not available',
        context,
        'Get ticket:ConsumeIncomingTicket',
        '0',
        `User claimed ticket: '${ticket}'. Session will be etablished`,
        guid(),
      ]),
    );
    at(
      start,
      node,
      'Audit_Proxy',
      traceRow(
        start,
        node,
        'Audit.Proxy.Proxy.SessionEstablishment.Authentication.AbstractAuthenticationHandler',
        `User '${user.id}' used 'ticket' authentication, got session: '${sid}'`,
        [sid, guid(), user.directory, user.id, ticket, address, '', 'qs.corp.local:4244', '{}', hex(40)],
      ),
    );
    at(
      start,
      node,
      'AuditActivity_Proxy',
      auditRow(start, node, 'Start session', 0, 'Success', sid, user, [
        '0',
        `${user.directory}\\${user.id}`,
        'Proxy',
        'Not available',
        `/qps/sessionstart/${user.id}`,
        'Start session',
        '0',
        `Start session for user: '${user.directory}\\${user.id}'`,
        guid(),
      ]),
    );
    at(
      start + 1,
      node,
      'AuditSecurity_Proxy',
      auditRow(start + 1, node, 'Login', 0, 'Success', sid, user, [
        '0',
        'Not available',
        'Security',
        address,
        'Proxy',
        'AppAccess',
        context,
        'Login',
        '0',
        `User authenticated. User '${user.directory}\\${user.id}' used authentication method 'ticket' and got session '${sid}'`,
        hex(40),
      ]),
    );
    at(
      start + 80,
      node,
      'AuditActivity_Proxy',
      auditRow(start + 80, node, 'Add session', 0, 'Success', sid, user, [
        '0',
        'Not available',
        'Proxy',
        'AppAccess',
        context,
        'Add session:NotifyOfPostSession',
        '0',
        `Syncing user attributes for user '${user.directory}\\${user.id}' `,
        guid(),
      ]),
    );
    return sid;
  }

  function licence(time, user, node, sid, address, count, denied) {
    const license = ['Not available', 'License', 'Not available', 'Repository', 'AppAccess', '/qrs/requestaccesstype'];
    if (denied === 'limit') {
      at(
        time + 60,
        nodes[0],
        'AuditSecurity_Repository',
        auditRow(time + 60, nodes[0], 'License professional access', 403, 'Error: Access denied', sid, user, [
          '0',
          ...license,
          'License professional access',
          '403',
          `Access was denied for User: '${user.directory}\\${user.id}', with AccessID '${guid()}', SessionID: '${sid}', SessionCount: '5', Hostname: '${address}', OperationType: 'UsageDenied'`,
          hex(40),
        ]),
      );
    } else if (denied === 'no-pass') {
      at(
        time + 60,
        nodes[0],
        'AuditSecurity_Repository',
        auditRow(time + 60, nodes[0], 'License user access', 403, 'Error: Access denied', sid, user, [
          '0',
          'Not available',
          'License',
          'Not available',
          'Repository',
          'ManagementAccess',
          '/qrs/requestaccesstype',
          'License user access',
          '403',
          `Login access denied for SessionID: '${sid}', Hostname: "${address}", OperationType: 'UsageDenied'`,
          hex(40),
        ]),
      );
      at(
        time + 60,
        nodes[0],
        'License_Repository',
        traceRow(
          time + 60,
          nodes[0],
          'License.Repository.Repository.Core.Resource.RequestAccessTypeResource',
          `No available access type, SessionID: ${sid}, Hostname: "${address}"`,
          [sid, '', '', 'UsageDenied', `${user.directory}\\${user.id}`, guid(), hex(40)],
        ),
      );
    } else {
      at(
        time + 60,
        nodes[0],
        'AuditSecurity_Repository',
        auditRow(time + 60, nodes[0], 'License professional access', 0, 'Success', sid, user, [
          '0',
          ...license,
          'License professional access',
          '0',
          `Professional access granted for User: '${user.directory}\\${user.id}' with UsageID: '${guid()}', SessionID: '${sid}', SessionCount: '${count}', Hostname: '${address}', OperationType: 'UsageGranted'`,
          hex(40),
        ]),
      );
      at(
        time + 60,
        nodes[0],
        'License_Repository',
        traceRow(
          time + 60,
          nodes[0],
          'License.Repository.Repository.Core.Resource.RequestAccessTypeResource',
          `UsageID: ${guid()}, SessionID: ${sid}, SessionCount: ${count}, Hostname: '${address}'`,
          [sid, guid(), 'ProfessionalAccess', 'UsageGranted', `${user.directory}\\${user.id}`, guid(), hex(40)],
        ),
      );
    }
  }

  function work(start, user, node, sid, address, agent) {
    let last = start;
    const apps = 1 + Math.floor(random() * 4);
    for (let index = 0; index < apps; index++) {
      const open = last + 2_000 + Math.floor(random() * 10 * MINUTE);
      const close = open + 30_000 + Math.floor(random() * 20 * MINUTE);
      const app = pick(APPS);
      at(
        open,
        node,
        'AuditActivity_Proxy',
        auditRow(open, node, 'Open connection', 0, 'Success', sid, user, [
          app,
          'Not available',
          'Proxy',
          'AppAccess',
          `/app/${app}`,
          'Open connection',
          '0',
          `Backend web socket connection Opened for session '${sid}'. App id: '${app}'. UserAgent: '${agent}'`,
          guid(),
        ]),
      );
      at(
        open + 5,
        node,
        'AuditSecurity_Proxy',
        auditRow(open + 5, node, 'Add app privileges', 0, 'Success', sid, user, [
          app,
          'Not available',
          'Security',
          address,
          'Proxy',
          'AppAccess',
          `/app/${app}`,
          'Add app privileges:ProcessRequestAccessResult',
          '0',
          `Access to app '${app}' allowed with access type 'ProfessionalAccessType', result code 'Ok'`,
          hex(40),
        ]),
      );
      at(
        close,
        node,
        'AuditActivity_Proxy',
        auditRow(close, node, 'Close connection', 0, 'Success', sid, user, [
          app,
          'Not available',
          'Proxy',
          'AppAccess',
          `/app/${app}`,
          'Close connection',
          '0',
          `Backend web socket connection Closed for session '${sid}'. App id: '${app}. UserAgent: '${agent}'`,
          guid(),
        ]),
      );
      at(close + 15, node, 'Session_Engine', [
        stamp(close + 15, node.offset),
        'INFO',
        node.host,
        'Session.Engine.Engine',
        '95',
        guid(),
        'CORP\\qlikservice',
        '',
        sid,
        user.directory,
        user.id,
        stamp(close + 15, node.offset),
        '4932',
        '3792',
        guid(),
        '12.145.50600.0409.10',
        '20190131T163713.000+0100',
        guid(),
        app,
        'Sales Dashboard',
        '20190201T065906.960Z',
        'Socket closed by client',
        stamp(open, node.offset),
        '0.000046',
        '0.040013',
        '2684',
        '298833',
        '20',
        '0',
        `UserDirectory=${user.directory}; UserId=${user.id}`,
        'Off',
        guid(),
      ]);
      last = close;
    }
    return last;
  }

  function end(time, user, node, sid, timedOut) {
    at(
      time,
      node,
      'AuditActivity_Proxy',
      auditRow(time, node, 'Stop session', 0, 'Success', sid, user, [
        '0',
        `${user.directory}\\${user.id}`,
        'Proxy',
        'Not available',
        '/qps/sessionstop',
        'Stop session',
        '0',
        `Stop session for user '${user.directory}\\${user.id}' . Session id = '${sid}' and all dependents will be deleted.`,
        guid(),
      ]),
    );
    at(
      time,
      node,
      'Audit_Proxy',
      traceRow(
        time,
        node,
        'Audit.Proxy.Proxy.DefaultModules.Session.SessionClientHandler',
        `Session id = ${sid} and all dependents have been deleted.`,
        [sid, '', user.directory, user.id, '', '', '', '', '', hex(40)],
      ),
    );
    if (timedOut)
      at(
        time,
        node,
        'Audit_Proxy',
        traceRow(
          time,
          node,
          'Audit.Proxy.Proxy.SessionEstablishment.Session.MetaSession',
          `Session ${sid} has been deleted due to inactivity`,
          [sid, '', user.directory, user.id, '', '', '', '', '', hex(40)],
        ),
      );
  }

  const service = { directory: 'CORP', id: 'qlikservice' };
  let time = Date.UTC(2024, 2, 11, 0, 0, 0);
  let written = 0;
  let lastMinute = Math.floor(time / MINUTE);
  const flushBefore = async (limit) => {
    const minutes = [...buckets.keys()].filter((minute) => minute < limit).sort((a, b) => a - b);
    if (minutes.length > 0) lastMinute = Math.max(lastMinute, minutes[minutes.length - 1] + 1);
    for (const minute of minutes) {
      const bucket = buckets.get(minute).sort((a, b) => a.time - b.time);
      buckets.delete(minute);
      for (const line of bucket) {
        const log = logs.get(line.node.name)[line.layout];
        const before = log.bytes;
        log.row(line.fields);
        written += log.bytes - before;
      }
    }
    // The final flush has no limit: roll over at the last minute written (an infinite instant has no name).
    const rolledAt = Number.isFinite(limit) ? limit : lastMinute;
    for (const node of nodes)
      for (const layout of layouts) await logs.get(node.name)[layout].rollIfFull(rolledAt * MINUTE);
  };

  while (written < targetBytes) {
    const hour = new Date(time).getUTCHours();
    const busy = hour >= 7 && hour < 18 ? 1 : 0.15;
    // Interactive users: sessions open, apps open and close, then a logout or the 30-minute inactivity timeout.
    for (const user of users) {
      if (random() > 0.55 * busy) continue;
      const start = time + Math.floor(random() * HOUR);
      user.open = user.open.filter((closed) => closed > start);
      const sid = session(start, user, user.node, user.address, user.agent, false);
      const count = user.open.length + 1;
      const last = work(start, user, user.node, sid, user.address, user.agent);
      const timedOut = random() < 0.7;
      const closed = timedOut ? last + 30 * MINUTE : last + Math.floor(random() * 5 * MINUTE);
      user.open.push(closed);
      licence(start, user, user.node, sid, user.address, count, null);
      end(closed, user, user.node, sid, timedOut);
    }
    // Heavy users: several browsers and machines at once, the sixth is denied at the limit.
    if (hour === 9) {
      for (const user of heavy) {
        for (let index = 0; index < 7; index++) {
          const start = time + 5 * MINUTE + index * 40_000;
          const address = `::ffff:10.99.${index}.${7 + index}`;
          const sid = session(start, user, nodes[index % 2], address, USER_AGENTS[index % USER_AGENTS.length], false);
          if (index >= 5) {
            // Denied a licence, the proxy session still lives until the inactivity timeout (as in the real logs).
            licence(start, user, nodes[index % 2], sid, address, 5, 'limit');
            end(start + 30 * MINUTE, user, nodes[index % 2], sid, true);
            continue;
          }
          const last = work(start, user, nodes[index % 2], sid, address, USER_AGENTS[index % USER_AGENTS.length]);
          licence(start, user, nodes[index % 2], sid, address, index + 1, null);
          end(last + 30 * MINUTE, user, nodes[index % 2], sid, true);
        }
      }
    }
    // The unlicensed service account: 10 REST sessions per hourly Monitoring-app reload, each denied a licence.
    const reload = time + 59 * MINUTE;
    for (const [task, app, offset] of [
      ['Reload License Monitor', 'License Monitor', 0],
      ['Reload Operations Monitor', 'Operations Monitor', 20_000],
    ]) {
      const start = reload + offset;
      for (let index = 0; index < 5; index++) {
        const sid = session(start + 5_000 + index * 2_000, service, nodes[0], '::1', 'Windows', true);
        licence(start + 5_000 + index * 2_000, service, nodes[0], sid, '::1', 0, 'no-pass');
        end(start + 5_000 + index * 2_000 + 30 * MINUTE, service, nodes[0], sid, true);
      }
      at(start + 15_000, nodes[0], 'TaskExecution_Scheduler', [
        stamp(start + 15_000, 60),
        'INFO',
        'QS1',
        'TaskExecution.Scheduler.Scheduler.Master.Task.TaskSessionState',
        '45',
        guid(),
        'CORP\\qlikservice',
        'Task execution finished',
        '',
        '',
        '0',
        guid(),
        task,
        guid(),
        app,
        guid(),
        guid(),
        'qs1.corp.local',
        'FinishedSuccess',
        stamp(start, 60),
        stamp(start + 14_000, 60),
        '14000',
        '',
        guid(),
      ]);
    }
    // Bulk trace noise that says nothing about sessions.
    for (let index = 0; index < 9000 * busy + 1500; index++) {
      const moment = time + Math.floor(random() * HOUR);
      at(moment, pick(nodes), 'System_Repository', [
        stamp(moment, 60),
        'INFO',
        'QS1',
        'System.Repository.Repository.Core.Synchronization',
        '12',
        guid(),
        'CORP\\qlikservice',
        pick(SYSTEM_MESSAGES),
        '',
        '',
        guid(),
      ]);
    }
    time += HOUR;
    // Later sessions start at `time` at the earliest (their first lines a second before): earlier minutes are final.
    await flushBefore(Math.floor(time / MINUTE) - 1);
  }
  await flushBefore(Number.POSITIVE_INFINITY);
  for (const node of nodes) for (const layout of layouts) await logs.get(node.name)[layout].close();
  return written;
}
