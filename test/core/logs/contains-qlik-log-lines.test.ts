import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containsQlikLogLines } from '../../../src/core/logs/index.js';
import { scenario } from '../../support/log-inputs.js';
import { hasSharedFixture, sharedPath } from '../../support/shared-fixtures.js';

const EVAL_SET = sharedPath('eval', 'phrasings-dev.jsonl');

describe('containsQlikLogLines', () => {
  it.for([
    'slack-message-escaped-fenced.txt',
    'message-column-alone.txt',
    'near-limit-tabs-as-spaces_AuditActivity_Proxy.txt',
    'invalid-cookie-burst-headerless_Audit_Proxy.txt',
    'limit-reached-header-bom-crlf_AuditSecurity_Repository.txt',
    'engine-sessions-only_Session_Engine.txt',
  ])('finds log lines in %s', (name) => {
    expect(containsQlikLogLines(readFileSync(scenario(name), 'utf8'))).toBe(true);
  });

  it.for([
    'You cannot access Qlik Sense because you have too many sessions active in parallel',
    'Hi! Users get "You cannot access Qlik Sense because you have no access pass". The log says UsageDenied, SessionCount 5. What now?',
    'In AuditSecurity_Repository I see OperationType UsageDenied for the session',
    'the session timed out at 20190201T045901 or so',
    '',
  ])('finds none in the prose %j', (text) => {
    expect(containsQlikLogLines(text)).toBe(false);
  });

  it('finds none in a non-Qlik log', () => {
    expect(containsQlikLogLines(readFileSync(scenario('no-qlik-lines-iis-log.txt'), 'utf8'))).toBe(false);
  });

  it.skipIf(!hasSharedFixture(EVAL_SET))('finds none in the real user messages of the eval set', () => {
    const texts = readFileSync(EVAL_SET, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter(containsQlikLogLines)).toEqual([]);
  });
});
