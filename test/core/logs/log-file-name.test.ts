import { describe, expect, it } from 'vitest';
import { isArchiveName, isLogFileName, logFileKind, parseLogFileName } from '../../../src/core/logs/index.js';

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
    ['LogCollector.json', undefined],
    ['Settings.ini', undefined],
    ['notes', undefined],
  ] as const)('%s is %s', ([name, kind]) => {
    expect(logFileKind(name)).toBe(kind);
    expect(isLogFileName(name)).toBe(kind !== undefined);
    expect(isArchiveName(name)).toBe(kind === 'zip');
  });
});

describe('parseLogFileName: which log, which node, which rollover, by name', () => {
  it('reads the host, the layout and the rollover instant of an archived file inside a zip path', () => {
    expect(
      parseLogFileName('LogCollector.zip/ArchivedLogs\\QS1\\QS1_AuditActivity_Proxy_2019-02-01T03.59.01Z.log'),
    ).toEqual({
      stem: 'QS1_AuditActivity_Proxy',
      host: 'QS1',
      layout: 'AuditActivity_Proxy',
      archivedAt: Date.UTC(2019, 1, 1, 3, 59, 1),
      extension: 'log',
      gzipped: false,
    });
  });

  it('gives the live file the stem of its archives, and no instant', () => {
    const live = parseLogFileName('Log/Proxy/Trace/qlikserver1_audit_proxy.txt.gz');
    expect(live).toMatchObject({
      stem: 'qlikserver1_audit_proxy',
      host: 'qlikserver1',
      layout: 'Audit_Proxy',
      archivedAt: null,
      gzipped: true,
    });
  });

  it('tells AuditSecurity_Proxy from Audit_Proxy and leaves an unknown layout without host', () => {
    expect(parseLogFileName('N2_AuditSecurity_Proxy.txt')).toMatchObject({ host: 'N2', layout: 'AuditSecurity_Proxy' });
    expect(parseLogFileName('export.csv')).toMatchObject({ stem: 'export', host: '', layout: null, extension: 'csv' });
    expect(parseLogFileName('Audit_Proxy.txt')).toMatchObject({ host: '', layout: null });
  });

  it.for(['LogCollector.zip', 'settings.ini', 'message', 'logs.gz'])('is null for %s', (name) => {
    expect(parseLogFileName(name)).toBeNull();
  });
});
