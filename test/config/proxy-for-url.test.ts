import { describe, expect, it } from 'vitest';
import { proxyFor } from '../../src/config/index.js';

const PROXY = 'http://proxy.corp:3128';

describe('proxyFor', () => {
  it('goes direct without HTTPS_PROXY', () => {
    expect(proxyFor({ httpsProxy: undefined, noProxy: [] }, 'https://slack.com/api/')).toBeUndefined();
  });

  it.for([
    { url: 'https://slack.com/api/auth.test', noProxy: [], proxied: true },
    { url: 'https://qs1.corp.local:4243/qps/user', noProxy: ['corp.local'], proxied: false },
    { url: 'https://qs1.corp.local:4243/qps/user', noProxy: ['.corp.local'], proxied: false },
    { url: 'https://corp.local/', noProxy: ['.corp.local'], proxied: false },
    { url: 'https://notcorp.local/', noProxy: ['corp.local'], proxied: true },
    { url: 'https://qs1:4242/qrs/about', noProxy: ['qs1:4242'], proxied: false },
    { url: 'https://qs1:4243/qps/user', noProxy: ['qs1:4242'], proxied: true },
    { url: 'https://files.slack.com/x', noProxy: ['files.slack.com:443'], proxied: false },
    { url: 'http://[::1]:8080/', noProxy: ['[::1]'], proxied: false },
    { url: 'https://anything.example/', noProxy: ['*'], proxied: false },
    { url: 'https://QS2.CORP/', noProxy: ['qs2.corp'], proxied: false },
  ])('$url with NO_PROXY=$noProxy: proxied $proxied', ({ url, noProxy, proxied }) => {
    expect(proxyFor({ httpsProxy: PROXY, noProxy }, url)).toBe(proxied ? PROXY : undefined);
  });
});
