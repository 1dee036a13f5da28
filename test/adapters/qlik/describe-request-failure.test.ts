import { describe, expect, it } from 'vitest';
import { describeHttpStatus, describeNetworkError } from '../../../src/adapters/qlik/describe-request-failure.js';

const context = {
  origin: 'https://qs1:4243',
  method: 'GET',
  path: '/qps/user/CORP/mweber',
  certDir: '/etc/qlik',
  timeoutMs: 10_000,
};

function networkError(code: string): Error {
  return Object.assign(new Error(`request failed, reason: ${code}`), { code });
}

describe('describeNetworkError', () => {
  it.for([
    { code: 'ECONNREFUSED', expected: 'connection-refused', says: 'firewall' },
    { code: 'ENOTFOUND', expected: 'host-not-found', says: 'host name' },
    { code: 'SELF_SIGNED_CERT_IN_CHAIN', expected: 'server-certificate-untrusted', says: 'root.pem in /etc/qlik' },
    { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', expected: 'server-certificate-untrusted', says: 'QMC' },
    { code: 'ERR_TLS_CERT_ALTNAME_INVALID', expected: 'server-name-mismatch', says: 'QLIK_TLS_INSECURE=true' },
    { code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', expected: 'client-certificate-rejected', says: 'client certificate' },
    { code: 'EHOSTUNREACH', expected: 'network-error', says: 'https://qs1:4243' },
  ])('names the cause and the fix for $code', ({ code, expected, says }) => {
    const failure = describeNetworkError(networkError(code), false, context);
    expect(failure.code).toBe(expected);
    expect(failure.message).toContain(says);
    expect(failure.message).toContain('https://qs1:4243');
  });

  it('reads the code from the cause as well', () => {
    const error = new Error('fetch failed', { cause: networkError('ECONNREFUSED') });
    expect(describeNetworkError(error, false, context).code).toBe('connection-refused');
  });

  it('says timeout when the call was aborted by its own timer', () => {
    const failure = describeNetworkError(new Error('The operation was aborted.'), true, context);
    expect(failure).toEqual({ code: 'timeout', message: expect.stringContaining('within 10 s') });
  });
});

describe('describeHttpStatus', () => {
  it.for([
    { status: 403, expected: 'forbidden', says: 'Xrfkey' },
    { status: 401, expected: 'unauthorized', says: '4243' },
    { status: 404, expected: 'not-found', says: 'virtual proxy prefix' },
    { status: 500, expected: 'http-error', says: 'HTTP 500' },
    { status: 302, expected: 'redirected', says: ':4243' },
  ])('explains HTTP $status', ({ status, expected, says }) => {
    const failure = describeHttpStatus(status, 'INTERNAL\\sa_api', context);
    expect(failure).toMatchObject({ status, code: expected });
    expect(failure.message).toContain(says);
    expect(failure.message).toContain('GET /qps/user/CORP/mweber');
  });
});
