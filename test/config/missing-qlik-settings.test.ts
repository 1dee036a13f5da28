import { describe, expect, it } from 'vitest';
import { missingQlikSettings, readConfig, type QlikCapability } from '../../src/config/index.js';

function qlikConfig(env: Record<string, string>) {
  const result = readConfig(env);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.config.qlik;
}

const FULL = {
  QLIK_CERT_DIR: '/etc/qlik',
  QLIK_PROXY_URLS: 'https://qs1:4243',
  QLIK_REPOSITORY_URL: 'https://qs1:4242',
};

describe('missingQlikSettings', () => {
  it.for<{ capability: QlikCapability; env: Record<string, string>; missing: string[] }>([
    { capability: 'sessions', env: FULL, missing: [] },
    { capability: 'licenses', env: FULL, missing: [] },
    { capability: 'doctor', env: FULL, missing: [] },
    { capability: 'sessions', env: {}, missing: ['QLIK_CERT_DIR', 'QLIK_PROXY_URLS', 'QLIK_VIRTUAL_PROXIES'] },
    {
      capability: 'sessions',
      env: { QLIK_CERT_DIR: '/c', QLIK_PROXY_URLS: 'https://qs1:4243', QLIK_VIRTUAL_PROXIES: '' },
      missing: [],
    },
    {
      capability: 'licenses',
      env: { QLIK_CERT_DIR: '/c', QLIK_PROXY_URLS: 'https://qs1:4243' },
      missing: ['QLIK_REPOSITORY_URL'],
    },
    { capability: 'doctor', env: { QLIK_CERT_DIR: '/c' }, missing: ['QLIK_PROXY_URLS'] },
    { capability: 'doctor', env: { QLIK_CERT_DIR: '/c', QLIK_REPOSITORY_URL: 'https://qs1:4242' }, missing: [] },
  ])('$capability with $env needs $missing', ({ capability, env, missing }) => {
    const found = missingQlikSettings(qlikConfig(env), capability);
    expect(found).toHaveLength(missing.length);
    missing.forEach((name, index) => expect(found[index]).toMatch(new RegExp(`^${name}`)));
  });
});
