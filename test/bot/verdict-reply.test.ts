import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/adapters/console/index.js';
import { toMrkdwn } from '../../src/adapters/slack/to-mrkdwn.js';
import { verdictReply, type EntryReference, type Reply } from '../../src/bot/index.js';
import { toPlainText } from '../../src/core/text/index.js';
import { analyzeLogs, type AnalysisReport } from '../../src/core/verdict/index.js';
import { fileInputs, scenario, textInput } from '../support/log-inputs.js';

const NOTHING = (): EntryReference | undefined => undefined;

async function reportOf(name: string): Promise<AnalysisReport> {
  return analyzeLogs(fileInputs(scenario(name)));
}

function allText(reply: Reply): string {
  return [
    reply.headline,
    ...reply.sections.flatMap((section) => [
      section.title ?? '',
      ...section.paragraphs.map(toPlainText),
      ...section.steps.map(toPlainText),
    ]),
    ...reply.caveats.map(toPlainText),
  ].join('\n');
}

describe('verdictReply', () => {
  it('answers limit-reached with who, when and how many, the users that matter, the fix and feedback', async () => {
    const reply = verdictReply(await reportOf('limit-reached-header-bom-crlf_AuditSecurity_Repository.txt'), NOTHING);
    expect(reply.tone).toBe('verdict');
    expect(reply.headline).toBe(
      'CORP\\mweber hit the limit of 5 parallel sessions at 2024-03-12 08:08:47 UTC and was denied 2 times (peak 5 parallel sessions).',
    );
    expect(reply.facts).toEqual({
      columns: [
        'User',
        'Sessions started',
        'Peak',
        'Peak at (UTC)',
        'Denied',
        'Limit denials',
        'Licensed',
        'Service account',
        'Clients',
      ],
      rows: [['CORP\\mweber', '5', '5', '2024-03-12 08:08:00', '2', '2', 'yes', 'no', '2']],
    });
    expect(reply.sections.map((section) => section.title)).toEqual([
      'A user hit the limit of five parallel sessions',
      'Fix',
      'Findings',
      null,
    ]);
    expect(reply.sections[1]?.steps.length).toBeGreaterThanOrEqual(3);
    expect(reply.actions).toEqual([{ kind: 'feedback', topic: 'limit-reached' }]);
    // Quoted, so the command runs as shown: unquoted, the shell eats the backslash.
    expect(allText(reply)).toContain("qlik-sessions end 'CORP\\mweber' --yes");
  });

  it.for([
    {
      name: 'automation-sessions_AuditSecurity_Proxy.txt',
      headline:
        'CORP\\svc_report had 6 proxy sessions open at once at 2024-03-12 11:00:25 UTC, more than the limit of 5, yet no denial was logged.',
    },
    {
      name: 'near-limit-tabs-as-spaces_AuditActivity_Proxy.txt',
      headline:
        'CORP\\anna had 4 proxy sessions open at once at 2024-03-12 08:00:30 UTC, close to the limit of 5; nobody was denied.',
    },
    {
      name: 'service-account-likely-local-qrs_AuditSecurity_Proxy.txt',
      headline:
        'Nobody was denied: the most parallel sessions was 6, by the service account CORP\\qlikservice at 2024-03-12 04:59:06 UTC (its sessions count against the limit only if it holds a licence).',
    },
  ])('words the headline for $name without contradicting the peak', async ({ name, headline }) => {
    expect(verdictReply(await reportOf(name), NOTHING).headline).toBe(headline);
  });

  it('lists entries it cannot describe by id, and uses the descriptions it gets', async () => {
    const report = await reportOf('no-license-archived-name_AuditSecurity_Repository_2024-03-12T08.00.00Z.log');
    const described: EntryReference = {
      id: 'no-license-assigned',
      title: 'No licence assigned',
      sources: [{ title: 'Qlik help', url: 'https://help.qlik.com/' }],
    };
    const reply = verdictReply(report, (id) => (id === described.id ? described : undefined));
    expect(reply.entries).toEqual([described]);
    expect(allText(reply)).toContain('More in the knowledge base: no-access-pass-message');
  });

  it('tells where the logs live when nothing was recognised', async () => {
    const reply = verdictReply(await reportOf('no-qlik-lines-iis-log.txt'), NOTHING);
    expect(reply.facts).toBeNull();
    expect(allText(reply)).toContain(
      'C:\\ProgramData\\Qlik\\Sense\\Log\\Repository\\Audit\\<host>_AuditSecurity_Repository.txt',
    );
    expect(allText(reply)).toContain('C:\\ProgramData\\Qlik\\Sense\\Log\\Proxy\\Audit\\<host>_AuditActivity_Proxy.txt');
  });

  it('says the counts are lower bounds when sessions started before the excerpt', async () => {
    const reply = verdictReply(await reportOf('sessions-before-excerpt_AuditActivity_Proxy.txt'), NOTHING);
    expect(reply.caveats.map(toPlainText)).toContain(
      'Some sessions started before the excerpt: session counts and peaks are lower bounds.',
    );
  });

  it('says sessions are taken to end after the default timeout when no line says when they ended', async () => {
    const reply = verdictReply(await reportOf('automation-sessions_AuditSecurity_Proxy.txt'), NOTHING);
    expect(reply.caveats.map(toPlainText).join('\n')).toContain('30 minutes after it started');
  });

  it('has a headline and fix steps for every verdict code', async () => {
    const names = [
      'service-account-licensed-log-collector',
      'limit-reached-header-bom-crlf_AuditSecurity_Repository.txt',
      'no-license-archived-name_AuditSecurity_Repository_2024-03-12T08.00.00Z.log',
      'invalid-cookie-burst-headerless_Audit_Proxy.txt',
      'near-limit-tabs-as-spaces_AuditActivity_Proxy.txt',
      'within-limit_AuditActivity_Proxy.txt',
      'no-qlik-lines-iis-log.txt',
    ];
    const replies = await Promise.all(names.map(async (name) => verdictReply(await reportOf(name), NOTHING)));
    expect(new Set(replies.map((reply) => reply.actions[0]?.kind === 'feedback' && reply.actions[0].topic)).size).toBe(
      7,
    );
    for (const reply of replies) {
      expect(reply.headline).toMatch(/\.$/);
      expect(reply.sections.find((section) => section.title === 'Fix')?.steps.length).toBeGreaterThan(0);
    }
  });

  it('keeps names from the log literal, so Slack escaping can never turn them into mentions', async () => {
    const line =
      "Access was denied for User: '<!channel>\\<@U123>', with AccessID 'a', SessionID: 'b', SessionCount: '5', Hostname: '::1', OperationType: 'UsageDenied'";
    const reply = verdictReply(await analyzeLogs([textInput(line)]), NOTHING);
    expect(reply.headline).toContain('<!channel>\\<@U123>');
    expect(toMrkdwn(reply.headline)).toContain('&lt;!channel&gt;\\&lt;@U123&gt;');
    expect(toMrkdwn(reply.headline)).not.toContain('<!channel>');
  });

  it('renders as text with the table and caveats', async () => {
    const text = renderReplyText(verdictReply(await reportOf('slack-message-escaped-fenced.txt'), NOTHING));
    expect(text).toContain('CORP\\r&d_lead');
    expect(text).toContain('Caveats');
  });
});
