import { describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/adapters/console/index.js';
import { toMrkdwn } from '../../src/adapters/slack/to-mrkdwn.js';
import { entryReference, entryReply } from '../../src/bot/index.js';
import type { ReplySection } from '../../src/bot/reply.js';
import { parseKnowledgeEntry } from '../../src/core/knowledge-schema/index.js';

const parsed = parseKnowledgeEntry(
  'site-runbook.md',
  `---
id: site-runbook
title: "Our runbook: <!channel> & friends"
related: [five-session-limit, count-sessions]
sources:
  - title: Site runbook
    url: https://wiki.example.test/qlik
---
## Answer
Read [the runbook](https://wiki.example.test/qlik/run) first, then check \`SessionCount: '5'\`.
## Fix
1. Ask **the user** to log out.
2. End the sessions.
## How to confirm
- Look for <@U123> & UsageDenied.
`,
);
if (!parsed.ok) throw new Error(parsed.error);
const entry = parsed.entry;

/** Slack's side of the one model: each section as mrkdwn, numbered like the console. */
function sectionMrkdwn(section: ReplySection): string {
  return [
    ...(section.title === null ? [] : [`*${section.title}*`]),
    ...section.paragraphs.map(toMrkdwn),
    ...section.steps.map((step, index) => `${index + 1}. ${toMrkdwn(step)}`),
  ].join('\n');
}

describe('entryReply', () => {
  it('builds one Reply model: title, Answer, Fix steps, How to confirm, Related, with the entry and its sources', () => {
    const reply = entryReply(entry);
    expect(reply.headline).toBe(entry.title);
    expect(reply.sections.map((section) => section.title)).toEqual(['Answer', 'Fix', 'How to confirm', 'Related']);
    expect(reply.sections[1]?.steps).toHaveLength(2);
    expect(reply.entries).toEqual([entryReference(entry)]);
    expect(entryReference(entry)).toEqual({
      id: 'site-runbook',
      title: entry.title,
      sources: [{ title: 'Site runbook', url: 'https://wiki.example.test/qlik' }],
    });
  });

  it('renders to plain text with link titles kept', () => {
    expect(renderReplyText(entryReply(entry))).toMatchInlineSnapshot(`
      "Our runbook: <!channel> & friends

      Answer
      Read the runbook (https://wiki.example.test/qlik/run) first, then check SessionCount: '5'.

      Fix
        1. Ask the user to log out.
        2. End the sessions.

      How to confirm
      Look for <@U123> & UsageDenied.

      Related
      five-session-limit, count-sessions

      Knowledge: site-runbook (Our runbook: <!channel> & friends)
      Sources:
        - Site runbook: https://wiki.example.test/qlik
      "
    `);
  });

  it('renders to Slack mrkdwn with titled links and everything from the file escaped', () => {
    expect(entryReply(entry).sections.map(sectionMrkdwn).join('\n\n')).toMatchInlineSnapshot(`
      "*Answer*
      Read <https://wiki.example.test/qlik/run|the runbook> first, then check \`SessionCount: '5'\`.

      *Fix*
      1. Ask *the user* to log out.
      2. End the sessions.

      *How to confirm*
      Look for &lt;@U123&gt; &amp; UsageDenied.

      *Related*
      \`five-session-limit\`, \`count-sessions\`"
    `);
  });
});
