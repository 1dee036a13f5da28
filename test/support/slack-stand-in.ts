import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received. */
export interface RecordedCall {
  readonly path: string;
  /** Web API method (`chat.postMessage`), `response_url`, or `file`. */
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly authorization: string | undefined;
}

export interface StandInFile {
  readonly body: Buffer | (() => AsyncIterable<Buffer>);
  readonly contentType?: string;
}

export interface SlackStandIn {
  readonly url: string;
  /** `host:port`, for SLACK_FILE_HOSTS. */
  readonly host: string;
  readonly calls: RecordedCall[];
  /** Files served at /files-pri/<name> and file objects for files.info by id. */
  readonly files: Map<string, StandInFile>;
  readonly fileInfo: Map<string, Record<string, unknown>>;
  /** Messages of a thread for conversations.replies, by `channel/thread_ts`, oldest first (the parent included). */
  readonly threads: Map<string, Record<string, unknown>[]>;
  callsTo(method: string): RecordedCall[];
  /** When set, auth.test answers with this Slack error (e.g. invalid_auth). */
  authError: string | null;
  /** What apps.connections.open hands out (a fake Socket Mode endpoint). */
  socketModeUrl: string | null;
  /** What conversations.list lists (two to a page), or the Slack error it answers with (e.g. missing_scope). */
  channels: { id: string; name: string }[];
  conversationsError: string | null;
  /** Channels where chat.postMessage answers not_in_channel (the bot is not a member). */
  readonly notInChannels: Set<string>;
  /** Bytes received at the upload URLs of files.getUploadURLExternal, by file id. */
  readonly uploads: Map<string, Buffer>;
  close(): Promise<void>;
}

export const STAND_IN_BOT_USER = 'UBOT0001';
export const STAND_IN_BOT_ID = 'BBOT0001';

function parseBody(raw: string, headers: IncomingHttpHeaders): Record<string, unknown> {
  if (raw === '') return {};
  if ((headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends nested arguments (blocks, view) as JSON strings.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

function answer(
  method: string,
  args: Record<string, unknown>,
  stand: {
    fileInfo: Map<string, Record<string, unknown>>;
    threads: Map<string, Record<string, unknown>[]>;
    authError: string | null;
    socketModeUrl: string | null;
    channels: { id: string; name: string }[];
    conversationsError: string | null;
    notInChannels: Set<string>;
    url: string;
    uploads: Map<string, Buffer>;
  },
): Record<string, unknown> {
  switch (method) {
    case 'apps.connections.open':
      return stand.socketModeUrl === null
        ? { ok: false, error: 'invalid_auth' }
        : { ok: true, url: stand.socketModeUrl };
    case 'auth.test':
      if (stand.authError !== null) return { ok: false, error: stand.authError };
      return {
        ok: true,
        url: 'https://stand-in.test/',
        team: 'Stand-in',
        user: 'qlik-sessions',
        team_id: 'T123ABC456',
        user_id: STAND_IN_BOT_USER,
        bot_id: STAND_IN_BOT_ID,
      };
    case 'chat.postMessage':
      if (stand.notInChannels.has(String(args['channel']))) return { ok: false, error: 'not_in_channel' };
      return { ok: true, channel: args['channel'], ts: `${Date.now() / 1000}` };
    case 'files.getUploadURLExternal': {
      const id = `F${String(stand.uploads.size + 1).padStart(8, '0')}${Date.now().toString(36).toUpperCase()}`;
      stand.uploads.set(id, Buffer.alloc(0));
      if (typeof args['filename'] !== 'string' || !(Number(args['length']) > 0))
        return { ok: false, error: 'invalid_arguments' };
      return { ok: true, upload_url: `${stand.url}/upload/v1/${id}?length=${Number(args['length'])}`, file_id: id };
    }
    case 'files.completeUploadExternal': {
      const files = Array.isArray(args['files']) ? (args['files'] as { id?: unknown }[]) : [];
      // Slack refuses to share a file whose bytes never arrived.
      if (files.length === 0 || files.some((file) => (stand.uploads.get(String(file.id))?.length ?? 0) === 0))
        return { ok: false, error: 'file_not_found' };
      return { ok: true, files: files.map((file) => ({ id: file.id })) };
    }
    case 'files.info': {
      const file = stand.fileInfo.get(String(args['file']));
      return file === undefined ? { ok: false, error: 'file_not_found' } : { ok: true, file };
    }
    case 'conversations.replies': {
      // As Slack pages them: oldest first, `limit` at a time, before `latest` (inclusive when asked).
      const latest = Number(args['latest'] ?? Number.POSITIVE_INFINITY);
      const inclusive = String(args['inclusive']) === 'true';
      const all = (stand.threads.get(`${String(args['channel'])}/${String(args['ts'])}`) ?? []).filter((message) =>
        inclusive ? Number(message['ts']) <= latest : Number(message['ts']) < latest,
      );
      const from = Number(args['cursor'] ?? 0);
      const limit = Number(args['limit'] ?? 1000);
      const more = from + limit < all.length;
      return {
        ok: true,
        messages: all.slice(from, from + limit),
        has_more: more,
        response_metadata: { next_cursor: more ? String(from + limit) : '' },
      };
    }
    case 'conversations.list': {
      if (stand.conversationsError !== null) return { ok: false, error: stand.conversationsError };
      const start = Number(args['cursor'] ?? 0);
      const next = start + 2 < stand.channels.length ? String(start + 2) : '';
      return { ok: true, channels: stand.channels.slice(start, start + 2), response_metadata: { next_cursor: next } };
    }
    case 'views.open':
      return { ok: true, view: { id: 'V123' } };
    default:
      return { ok: true };
  }
}

/** A local stand-in for the Slack Web API, response_url endpoints and the file host; it records every request. */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const calls: RecordedCall[] = [];
  const files = new Map<string, StandInFile>();
  const fileInfo = new Map<string, Record<string, unknown>>();
  const threads = new Map<string, Record<string, unknown>[]>();
  const standIn: SlackStandIn & { url: string; host: string } = {
    url: '',
    host: '',
    calls,
    files,
    fileInfo,
    threads,
    authError: null,
    socketModeUrl: null,
    channels: [],
    conversationsError: null,
    notInChannels: new Set(),
    uploads: new Map(),
    callsTo: (method) => calls.filter((call) => call.method === method),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const authorization = request.headers.authorization;
    if (request.method === 'GET' && path.startsWith('/files-pri/')) {
      const name = decodeURIComponent(path.slice('/files-pri/'.length));
      calls.push({ path, method: 'file', args: { name }, authorization });
      const file = files.get(name);
      if (file === undefined || authorization !== 'Bearer xoxb-test-token') {
        response.writeHead(file === undefined ? 404 : 200, { 'content-type': 'text/html' }).end('<html>login</html>');
        return;
      }
      if (Buffer.isBuffer(file.body)) {
        response
          .writeHead(200, { 'content-type': file.contentType ?? 'text/plain', 'content-length': file.body.length })
          .end(file.body);
        return;
      }
      response.writeHead(200, { 'content-type': file.contentType ?? 'text/plain' });
      void (async () => {
        try {
          for await (const chunk of (file.body as () => AsyncIterable<Buffer>)()) {
            if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
          }
        } catch {
          // the client went away
        }
        response.end();
      })();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && path.startsWith('/upload/v1/')) {
        // The external upload: raw bytes, which must be as long as files.getUploadURLExternal was told.
        const id = path.slice('/upload/v1/'.length);
        const body = Buffer.concat(chunks);
        const declared = Number(new URL(request.url ?? '/', 'http://stand-in').searchParams.get('length'));
        calls.push({
          path,
          method: 'upload',
          args: { id, bytes: body.length, contentType: request.headers['content-type'] },
          authorization,
        });
        const known = standIn.uploads.has(id);
        if (known && body.length === declared) standIn.uploads.set(id, body);
        response
          .writeHead(known && body.length === declared ? 200 : 400, { 'content-type': 'text/plain' })
          .end(known ? 'OK' : 'unknown upload');
        return;
      }
      const args = parseBody(Buffer.concat(chunks).toString('utf8'), request.headers);
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        calls.push({ path, method, args, authorization });
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(answer(method, args, standIn)));
        return;
      }
      calls.push({ path, method: 'response_url', args, authorization });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standIn.url = `http://127.0.0.1:${port}`;
  standIn.host = `127.0.0.1:${port}`;
  return standIn;
}

/** A server that must never be contacted: it counts what reaches it. */
export async function startForeignHost(): Promise<{
  readonly host: string;
  readonly url: string;
  requests(): number;
  close(): Promise<void>;
}> {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'text/plain' }).end('secret');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A table block: each row reads as one line, as a person sees it. */
function isTable(value: unknown): value is { rows: { text: string }[][] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'table' &&
    Array.isArray((value as { rows?: unknown }).rows)
  );
}

/** Every text a recorded call carries (blocks, fallback text), as the user would read it. */
export function textOf(call: RecordedCall | undefined): string {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (isTable(value)) for (const row of value.rows) texts.push(row.map((cell) => cell.text).join(' '));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(call?.args);
  return texts.join('\n');
}
