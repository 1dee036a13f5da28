import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/adapters/console/render-reply-text.js';
import { doctorReply } from '../../src/bot/doctor-reply.js';
import { endSessionsReply } from '../../src/bot/end-sessions-reply.js';
import { licensesReply } from '../../src/bot/licenses-reply.js';
import { liveSetupReply } from '../../src/bot/live-setup-reply.js';
import { sessionsReply } from '../../src/bot/sessions-reply.js';

const five = {
  user: 'CORP\\jdoe',
  total: 5,
  sessions: [
    { sessionId: 's1', proxy: 'https://qs1:4243', virtualProxy: '' },
    { sessionId: 's2', proxy: 'https://qs1:4243', virtualProxy: '' },
    { sessionId: 's3', proxy: 'https://qs1:4243', virtualProxy: 'sso' },
    { sessionId: 's4', proxy: 'https://qs2:4243', virtualProxy: '' },
    { sessionId: 's5', proxy: 'https://qs2:4243', virtualProxy: '' },
  ],
  errors: [],
};

describe('sessionsReply', () => {
  it('counts per node and virtual proxy, says the limit is reached, and offers admins the end button', () => {
    const reply = sessionsReply(five, true);
    expect(reply.headline).toBe(
      'CORP\\jdoe has 5 live sessions: at the limit of 5, so a new browser or device is refused.',
    );
    expect(reply.facts?.rows).toEqual([
      ['https://qs1:4243', '(default)', '2'],
      ['https://qs1:4243', 'sso', '1'],
      ['https://qs2:4243', '(default)', '2'],
    ]);
    expect(reply.actions).toEqual([{ kind: 'end-sessions', user: 'CORP\\jdoe', liveSessions: 5 }]);
  });

  it('offers no end button to others, or when there is nothing to end', () => {
    expect(sessionsReply(five, false).actions).toEqual([]);
    expect(sessionsReply({ user: 'CORP\\jdoe', total: 0, sessions: [], errors: [] }, true).actions).toEqual([]);
  });

  it('says a total is partial when a node did not answer', () => {
    const reply = sessionsReply(
      {
        ...five,
        total: 1,
        sessions: five.sessions.slice(0, 1),
        errors: [{ proxy: 'https://qs2:4243', virtualProxy: '', message: 'timed out after 10 s' }],
      },
      false,
    );
    expect(reply.headline).toBe('CORP\\jdoe has 1 live session on the nodes that answered (the limit is 5).');
    expect(reply.caveats).toEqual([
      'https://qs2:4243 did not answer, so its sessions are missing from the count: timed out after 10 s',
    ]);
  });
});

describe('the other live replies', () => {
  it('licensesReply names the no-access-pass case and lists allocations', () => {
    expect(licensesReply({ user: 'CORP\\jdoe', allocations: [] }).headline).toContain('you have no access pass');
    expect(licensesReply({ user: 'CORP\\jdoe', allocations: [{ type: 'professional', id: 'a1' }] }).headline).toBe(
      'CORP\\jdoe holds professional access.',
    );
  });

  it('doctorReply puts problems first', () => {
    const reply = doctorReply({
      findings: [
        { code: 'virtual-proxies', severity: 'info', user: null, detail: '2 virtual proxies' },
        {
          code: 'service-account-licensed',
          severity: 'problem',
          user: 'DOMAIN\\qvservice',
          detail: 'holds professional access',
        },
      ],
    });
    expect(reply.headline).toBe('1 problem found on this site that can cause session or access-pass trouble.');
    expect(reply.facts?.rows[0]?.[1]).toBe('service-account-licensed');
    expect(doctorReply({ findings: [] }).facts).toBeNull();
  });

  it('endSessionsReply says what was ended and what was not reached', () => {
    expect(endSessionsReply({ user: 'CORP\\jdoe', ended: 0, errors: [] }).headline).toBe(
      'CORP\\jdoe had no live sessions to end.',
    );
    const partial = endSessionsReply({
      user: 'CORP\\jdoe',
      ended: 3,
      errors: [{ proxy: 'https://qs2:4243', virtualProxy: 'sso', message: 'refused' }],
    });
    expect(partial.headline).toMatch(/^Ended 3 sessions of CORP\\jdoe on the nodes that answered/);
    expect(partial.caveats).toHaveLength(1);
  });

  it('liveSetupReply names the three settings', () => {
    const text = renderReplyText(liveSetupReply());
    for (const variable of ['QLIK_CERT_DIR', 'QLIK_PROXY_URLS', 'QLIK_REPOSITORY_URL'])
      expect(text).toContain(variable);
  });
});
