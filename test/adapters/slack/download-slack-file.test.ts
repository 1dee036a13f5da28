import { describe, expect, it } from 'vitest';
import {
  checkFileUrl,
  downloadSlackFile,
  FileDownloadFailure,
  type FileFetch,
  type FileFetchResponse,
} from '../../../src/adapters/slack/download-slack-file.js';
import { isFileStub, isLogFile } from '../../../src/adapters/slack/slack-file.js';

const HOSTS = ['files.slack.com', '127.0.0.1:4000'];

function response(status: number, headers: Record<string, string>, chunks: string[] = []): FileFetchResponse {
  return {
    status,
    headers: { get: (name) => headers[name.toLowerCase()] ?? null },
    body: (async function* () {
      for (const chunk of chunks) yield Buffer.from(chunk);
    })(),
  };
}

/** A fetch that records what it was asked and answers from a table; anything not in the table is a test failure. */
function fakeFetch(table: Record<string, FileFetchResponse>) {
  const asked: { url: string; authorization: string | undefined }[] = [];
  const fetch: FileFetch = async (url, init) => {
    asked.push({ url, authorization: init.headers['Authorization'] });
    const answer = table[url];
    if (answer === undefined) throw new Error(`unexpected fetch of ${url}`);
    return answer;
  };
  return { fetch, asked };
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += Buffer.from(chunk).toString('utf8');
  return text;
}

async function failure(stream: AsyncIterable<Uint8Array>): Promise<string> {
  try {
    await collect(stream);
  } catch (error) {
    if (error instanceof FileDownloadFailure) return error.error.code;
    throw error;
  }
  return 'no failure';
}

describe('checkFileUrl', () => {
  it.for([
    ['https://files.slack.com/files-pri/T1-F1/download/a.log', true],
    ['http://127.0.0.1:4000/files-pri/a.log', true],
    ['https://files.slack.com:8443/files-pri/a.log', false],
    ['http://files.slack.com/files-pri/a.log', false],
    ['https://evil.example/files-pri/a.log', false],
    ['https://files.slack.com.evil.example/a.log', false],
    ['http://127.0.0.1:4001/a.log', false],
    ['not a url', false],
  ] as const)('%s allowed: %s', ([url, allowed]) => {
    expect(checkFileUrl(url, HOSTS).ok).toBe(allowed);
  });

  it('allows plain http only for loopback hosts, even when another host is listed', () => {
    expect(checkFileUrl('http://files.example:80/a', ['files.example:80']).ok).toBe(false);
  });
});

describe('downloadSlackFile', () => {
  const policy = { fileHosts: HOSTS, maxBytes: 10 };

  it('sends the token to the allowed host and streams the bytes', async () => {
    const url = 'https://files.slack.com/files-pri/T1-F1/download/a.log';
    const { fetch, asked } = fakeFetch({ [url]: response(200, { 'content-type': 'text/plain' }, ['abc', 'def']) });
    expect(await collect(downloadSlackFile(url, 'xoxb-1', policy, fetch))).toBe('abcdef');
    expect(asked).toEqual([{ url, authorization: 'Bearer xoxb-1' }]);
  });

  it('refuses a foreign host without contacting it', async () => {
    const { fetch, asked } = fakeFetch({});
    expect(await failure(downloadSlackFile('https://evil.example/a.log', 'xoxb-1', policy, fetch))).toBe(
      'host-not-allowed',
    );
    expect(asked).toEqual([]);
  });

  it('follows a redirect only to an allowed host', async () => {
    const first = 'https://files.slack.com/files-pri/a.log';
    const { fetch, asked } = fakeFetch({ [first]: response(302, { location: 'https://evil.example/steal' }) });
    expect(await failure(downloadSlackFile(first, 'xoxb-1', policy, fetch))).toBe('host-not-allowed');
    expect(asked.map((call) => call.url)).toEqual([first]);
  });

  it.for([
    {
      name: 'declared too large',
      headers: { 'content-length': '11', 'content-type': 'text/plain' },
      chunks: ['x'],
      code: 'too-large',
    },
    {
      name: 'larger than declared while streaming',
      headers: { 'content-type': 'text/plain' },
      chunks: ['123456', '789012'],
      code: 'too-large',
    },
    {
      name: 'a login page',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      chunks: ['<html>'],
      code: 'login-page',
    },
  ])('stops on $name', async ({ headers, chunks, code }) => {
    const url = 'https://files.slack.com/files-pri/a.log';
    const { fetch } = fakeFetch({ [url]: response(200, headers, chunks) });
    expect(await failure(downloadSlackFile(url, 'xoxb-1', policy, fetch))).toBe(code);
  });

  it('reports an HTTP error', async () => {
    const url = 'https://files.slack.com/files-pri/a.log';
    const { fetch } = fakeFetch({ [url]: response(404, {}) });
    expect(await failure(downloadSlackFile(url, 'xoxb-1', policy, fetch))).toBe('http-error');
  });
});

describe('Slack file objects', () => {
  it.for([
    [{ id: 'F1', name: 'AuditActivity_Proxy.txt' }, true],
    [{ id: 'F1', name: 'logs.LOG' }, true],
    [{ id: 'F1', name: 'logs.gz', mimetype: 'application/gzip' }, true],
    [{ id: 'F1', name: 'paste', mimetype: 'text/plain' }, true],
    [{ id: 'F1', name: 'screen.png', mimetype: 'image/png' }, false],
    [{ id: 'F1', name: 'report.pdf', mimetype: 'application/pdf' }, false],
  ] as const)('%o is a log file: %s', ([file, expected]) => {
    expect(isLogFile(file)).toBe(expected);
  });

  it('recognises a Slack Connect stub', () => {
    expect(isFileStub({ id: 'F1', mode: 'file_access', file_access: 'check_file_info' })).toBe(true);
    expect(isFileStub({ id: 'F1', url_private_download: 'https://files.slack.com/x' })).toBe(false);
  });
});
