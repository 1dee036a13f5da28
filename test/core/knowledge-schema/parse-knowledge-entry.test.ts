import { describe, expect, it } from 'vitest';
import { parseKnowledgeEntry } from '../../../src/core/knowledge-schema/index.js';

const FRONT = `---
id: site-runbook
title: Our runbook for the session limit
related: [five-session-limit]
sources:
  - title: Site runbook
    url: https://wiki.example.test/qlik/sessions
triggers: [too many sessions]
---
`;
const BODY = `
## Answer

Call the **BI on-call** first. See [the runbook](https://wiki.example.test/qlik) and \`AuditSecurity_Repository\`.

## Fix

1. Check the user's sessions
   on every node.
2. End them.

## How to confirm

- The denial line in the log.
`;

describe('parseKnowledgeEntry', () => {
  it('reads Markdown with front matter into answer paragraphs, fix steps and confirm items, with inline spans', () => {
    const result = parseKnowledgeEntry('knowledge/site-runbook.md', FRONT + BODY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entry).toMatchObject({
      id: 'site-runbook',
      title: 'Our runbook for the session limit',
      related: ['five-session-limit'],
      sources: [{ title: 'Site runbook', url: 'https://wiki.example.test/qlik/sessions' }],
      triggers: ['too many sessions'],
      keywords: [],
      fix: ["Check the user's sessions on every node.", 'End them.'],
      confirm: ['The denial line in the log.'],
    });
    expect(result.entry.answer).toEqual([
      [
        'Call the ',
        { kind: 'strong', text: 'BI on-call' },
        ' first. See ',
        { kind: 'link', text: 'the runbook', url: 'https://wiki.example.test/qlik' },
        ' and ',
        { kind: 'code', text: 'AuditSecurity_Repository' },
        '.',
      ],
    ]);
  });

  it('reads the same entry written as YAML', () => {
    const yaml = `id: site-runbook
title: Our runbook
answer: Call the BI on-call first.
fix: [Check the sessions., End them.]
confirm: The denial line in the log.
sources: [{ title: Site runbook, url: "https://wiki.example.test/qlik" }]
`;
    const result = parseKnowledgeEntry('site-runbook.yaml', yaml);
    expect(result).toMatchObject({
      ok: true,
      entry: {
        id: 'site-runbook',
        answer: ['Call the BI on-call first.'],
        fix: ['Check the sessions.', 'End them.'],
        related: [],
      },
    });
  });

  it.for([
    {
      name: 'no front matter',
      file: 'x.md',
      text: '## Answer\n\nHello.',
      error: 'x.md: must start with YAML front matter',
    },
    {
      name: 'front matter that is not YAML',
      file: 'x.md',
      text: '---\nid: [unclosed\n---\n',
      error: 'x.md: YAML does not parse',
    },
    {
      name: 'a missing title',
      file: 'site-runbook.md',
      text: FRONT.replace(/title: Our.*\n/, '') + BODY,
      error: 'field "title": must be a one-line title',
    },
    {
      name: 'an id that is not kebab-case',
      file: 'Site_Runbook.md',
      text: FRONT.replace('id: site-runbook', 'id: Site_Runbook') + BODY,
      error: 'field "id": must be a kebab-case id',
    },
    {
      name: 'an id that differs from the file name',
      file: 'other.md',
      text: FRONT + BODY,
      error: 'other.md: field "id": "site-runbook" must match the file name',
    },
    {
      name: 'a source without a URL',
      file: 'site-runbook.md',
      text: FRONT.replace('    url: https://wiki.example.test/qlik/sessions\n', '') + BODY,
      error: 'field "sources.0.url"',
    },
    {
      name: 'a source URL that is not http(s)',
      file: 'site-runbook.md',
      text: FRONT.replace('https://wiki.example.test/qlik/sessions', 'ftp://wiki/x') + BODY,
      error: 'field "sources.0.url": must be an http(s) URL',
    },
    {
      name: 'no sources',
      file: 'site-runbook.md',
      text: FRONT.replace(/sources:\n.*\n.*\n/, 'sources: []\n') + BODY,
      error: 'field "sources": must have at least one source',
    },
    {
      name: 'an answer of four sentences',
      file: 'site-runbook.md',
      text: FRONT + BODY.replace('Call the', 'One. Two. Three. Call the'),
      error: 'field "answer": must be at most 3 sentences',
    },
    {
      name: 'no fix steps',
      file: 'site-runbook.md',
      text: FRONT + BODY.replace(/## Fix[\s\S]*?## How/, '## How'),
      error: 'field "fix"',
    },
    {
      name: 'a related id that is not an id',
      file: 'site-runbook.md',
      text: FRONT.replace('[five-session-limit]', '[Five Sessions]') + BODY,
      error: 'field "related.0": must be a kebab-case id',
    },
    {
      name: 'related to itself',
      file: 'site-runbook.md',
      text: FRONT.replace('[five-session-limit]', '[site-runbook]') + BODY,
      error: 'field "related": an entry cannot be related to itself',
    },
    {
      name: 'an unknown field',
      file: 'site-runbook.md',
      text: FRONT.replace('triggers:', 'colour: red\ntriggers:') + BODY,
      error: 'unknown field(s) colour',
    },
    {
      name: 'an unknown section',
      file: 'site-runbook.md',
      text: FRONT + BODY.replace('## Fix', '## Workaround'),
      error: 'unknown section "Workaround"',
    },
    {
      name: 'a section given twice',
      file: 'site-runbook.md',
      text: FRONT + BODY + '\n## Fix\n\n1. Again.\n',
      error: 'field "fix": given twice',
    },
    {
      name: 'an unsupported file type',
      file: 'site-runbook.txt',
      text: 'hello',
      error: 'site-runbook.txt: not an entry file',
    },
  ])('fails loudly, naming the file and the field, for $name', ({ file, text, error }) => {
    const result = parseKnowledgeEntry(file, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(error);
    expect(result.error.startsWith(file)).toBe(true);
  });
});
