import { describe, expect, it } from 'vitest';
import { createXrfkey } from '../../../src/adapters/qlik/xrfkey.js';

describe('createXrfkey', () => {
  it('makes 16 characters from 0-9, a-z and A-Z only, even from the extreme bytes', () => {
    expect(createXrfkey(() => new Uint8Array(16).fill(255))).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(createXrfkey(() => new Uint8Array(16).fill(0))).toBe('AAAAAAAAAAAAAAAA');
  });

  it('is fresh each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => createXrfkey()));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9]{16}$/);
  });
});
