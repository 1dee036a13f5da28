import { describe, expect, it } from 'vitest';
import { createPinoLogger } from '../../../src/adapters/logging/index.js';
import { scrubSecrets } from '../../../src/adapters/logging/scrub-secrets.js';
import { recordingLogger } from '../../support/recording-logger.js';

describe('createPinoLogger', () => {
  it('writes one JSON object a line with an ISO time, the level as a word, the message and the fields', () => {
    const logger = recordingLogger('debug');
    logger.info({ channel: 'C1', files: 2 }, 'replied');
    logger.debug('plain message');
    expect(logger.records).toHaveLength(2);
    expect(logger.records[0]).toMatchObject({
      level: 'info',
      msg: 'replied',
      channel: 'C1',
      files: 2,
      service: 'qlik-sessions',
    });
    expect(new Date(logger.records[0]?.time ?? '').toISOString()).toBe(logger.records[0]?.time);
    expect(logger.records[1]).toMatchObject({ level: 'debug', msg: 'plain message' });
  });

  it.for([
    { level: 'debug', written: ['debug', 'info', 'warn', 'error'] },
    { level: 'info', written: ['info', 'warn', 'error'] },
    { level: 'warn', written: ['warn', 'error'] },
    { level: 'error', written: ['error'] },
  ] as const)('writes from LOG_LEVEL=$level up', ({ level, written }) => {
    const logger = recordingLogger(level);
    for (const method of ['debug', 'info', 'warn', 'error'] as const) logger[method]({ n: 1 }, method);
    expect(logger.records.map((record) => record.level)).toEqual(written);
  });

  it('scrubs tokens from messages and string fields, and censors fields that would carry content', () => {
    const logger = recordingLogger();
    logger.warn(
      { detail: 'auth with xoxb-1234-5678-abcdef failed', text: 'the pasted log', token: 'xapp-1-A1-2' },
      'Bearer abc.def failed for xapp-1-A0-99',
    );
    const line = JSON.stringify(logger.records);
    expect(line).not.toMatch(/xoxb-|xapp-|abc\.def|pasted log/);
    expect(logger.records[0]).toMatchObject({
      detail: 'auth with [redacted] failed',
      text: '[redacted]',
      token: '[redacted]',
      msg: '[redacted] failed for [redacted]',
    });
  });

  it('keeps a value with line breaks inside one line', () => {
    const chunks: string[] = [];
    const logger = createPinoLogger({
      level: 'info',
      destination: { write: (chunk: string) => void chunks.push(chunk) },
    });
    logger.info({ user: 'x\n{"level":"error"}' }, 'end-sessions refused');
    expect(chunks.join('').trimEnd().split('\n')).toHaveLength(1);
  });

  it('scrubSecrets leaves ordinary text alone', () => {
    expect(scrubSecrets('CORP\\mweber hit the limit at 08:08')).toBe('CORP\\mweber hit the limit at 08:08');
  });
});
