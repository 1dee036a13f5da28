import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/index.js';

const workersOf = (env: Record<string, string>, cores: number) => {
  const result = readConfig(env, { cores });
  return result.ok ? result.config.analysis.workers : result.errors;
};

describe('ANALYSIS_WORKERS', () => {
  it('defaults to half the cores, 1 on a two-core machine, at most 4', () => {
    expect(workersOf({}, 1)).toBe(1);
    expect(workersOf({}, 2)).toBe(1);
    expect(workersOf({}, 3)).toBe(1);
    expect(workersOf({}, 8)).toBe(4);
    expect(workersOf({}, 64)).toBe(4);
    expect(workersOf({ ANALYSIS_WORKERS: ' ' }, 2)).toBe(1);
  });

  it('takes a set number whatever the cores', () => {
    expect(workersOf({ ANALYSIS_WORKERS: '3' }, 2)).toBe(3);
    expect(workersOf({ ANALYSIS_WORKERS: '32' }, 64)).toBe(32);
  });

  it('says how to fix a value that is not a small whole number', () => {
    expect(workersOf({ ANALYSIS_WORKERS: 'two' }, 2)).toEqual([
      'ANALYSIS_WORKERS must be a number of worker threads in plain digits, such as 1',
    ]);
    expect(workersOf({ ANALYSIS_WORKERS: '1.5' }, 2)).toEqual([
      'ANALYSIS_WORKERS must be a number of worker threads in plain digits, such as 1',
    ]);
    expect(workersOf({ ANALYSIS_WORKERS: '0x2' }, 2)).toEqual([
      'ANALYSIS_WORKERS must be a number of worker threads in plain digits, such as 1',
    ]);
    expect(workersOf({ ANALYSIS_WORKERS: '0' }, 2)).toEqual(['ANALYSIS_WORKERS must be between 1 and 32']);
    expect(workersOf({ ANALYSIS_WORKERS: '33' }, 2)).toEqual(['ANALYSIS_WORKERS must be between 1 and 32']);
  });
});
