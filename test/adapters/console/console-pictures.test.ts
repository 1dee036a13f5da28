import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isPastedLogLine, runConsole } from '../../../src/adapters/console/index.js';
import type { Bot } from '../../../src/bot/index.js';
import { pictureSaver } from '../../../src/cli/save-picture.js';
import { timelineSvg } from '../../../src/core/timeline/index.js';
import { pngSize } from '../../support/png-size.js';
import { LIMIT_TIMELINE } from '../../support/timeline-cases.js';

/** A bot whose verdict carries the timeline picture, as the real one does for a verdict about a user. */
const pictured: Bot = {
  handle: async () => ({
    kind: 'reply',
    reply: {
      tone: 'verdict',
      headline: 'CORP\\mweber hit the limit of 5 parallel sessions.',
      sections: [],
      facts: null,
      entries: [],
      caveats: [],
      actions: [],
      pictures: [
        {
          name: 'timeline-CORP-mweber',
          title: 'Proxy sessions of CORP\\mweber',
          altText: 'Timeline',
          svg: timelineSvg(LIMIT_TIMELINE),
        },
      ],
    },
  }),
  endSessions: async () => {
    throw new Error('not used');
  },
};

describe('console pictures', () => {
  it('saves the timeline picture as a PNG in the folder and names the file in the reply', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qlik-sessions-console-'));
    const input = new PassThrough();
    const output = new PassThrough();
    let seen = '';
    output.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
    input.end('analyze this\n');
    await runConsole({
      bot: pictured,
      input,
      output,
      color: false,
      isLogLine: isPastedLogLine,
      savePicture: pictureSaver(folder, () => new Date('2024-03-12T08:10:00Z')),
    });
    const [file] = readdirSync(folder);
    expect(file).toBe('timeline-CORP-mweber-2024-03-12T08-10-00-000Z.png');
    expect(seen).toContain(`Proxy sessions of CORP\\mweber: saved to ${join(folder, file ?? '')}`);
    expect(pngSize(readFileSync(join(folder, file ?? ''))).width).toBe(1000);
  });

  it('says so when the file cannot be written, and the reply still comes', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let seen = '';
    output.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
    input.end('analyze this\n');
    await runConsole({
      bot: pictured,
      input,
      output,
      color: false,
      isLogLine: isPastedLogLine,
      savePicture: pictureSaver(join(tmpdir(), 'no-such-folder-qlik', 'x')),
    });
    expect(seen).toContain('CORP\\mweber hit the limit');
    expect(seen).toMatch(/was not saved: .*ENOENT/);
  });
});
