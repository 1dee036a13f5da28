import { describe, expect, it } from 'vitest';
import { isLogFileName } from '../../../src/core/files/index.js';
import { logFileKind } from '../../../src/core/files/log-file-kind.js';

describe('logFileKind: the one "is this a log file name"', () => {
  it.for([
    ['QS1_AuditSecurity_Repository.txt', 'text'],
    ['QS1_AuditActivity_Proxy_2024-03-12T08.00.00Z.log', 'text'],
    ['export.CSV', 'text'],
    ['sessions.tsv', 'text'],
    ['AuditSecurity_Repository.txt.gz', 'gzip'],
    ['logs.gz', 'gzip'],
    ['LogCollector_2024-03-12.zip', 'zip'],
    ['screen.png', undefined],
    ['report.pdf', undefined],
    ['notes', undefined],
  ] as const)('%s is %s', ([name, kind]) => {
    expect(logFileKind(name)).toBe(kind);
    expect(isLogFileName(name)).toBe(kind !== undefined);
  });
});
