import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../../src/adapters/knowledge-files/index.js';
import { BUILT_IN_KNOWLEDGE_DIR } from '../../../src/adapters/knowledge-files/load-knowledge-base.js';
import { KNOWLEDGE_IDS } from '../../../src/core/knowledge/index.js';

const siteEntry = (id: string, title: string, related = '[]') => `---
id: ${id}
title: "${title}"
related: ${related}
sources:
  - title: Site runbook
    url: https://wiki.example.test/qlik/${id}
triggers: [badge reader sessions]
---

## Answer

Call the BI on-call team first.

## Fix

1. Open the runbook.

## How to confirm

- The denial line in AuditSecurity_Repository.
`;

describe('loadKnowledgeBase', () => {
  let siteDir: string;
  beforeEach(async () => {
    siteDir = await mkdtemp(join(tmpdir(), 'qlik-kb-'));
  });
  afterEach(async () => {
    await rm(siteDir, { recursive: true, force: true });
  });

  it('loads the 13 built-in entries from knowledge/, in the order of DESIGN section 4', async () => {
    const loaded = await loadKnowledgeBase({});
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.knowledge.entries.map((entry) => entry.id)).toEqual([...KNOWLEDGE_IDS]);
    expect(BUILT_IN_KNOWLEDGE_DIR.endsWith('knowledge')).toBe(true);
  });

  it('has sources with https URLs and related ids that exist, for every built-in entry', async () => {
    const loaded = await loadKnowledgeBase({});
    if (!loaded.ok) throw new Error(loaded.error);
    for (const entry of loaded.knowledge.entries) {
      expect(entry.sources.length, entry.id).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source.url, entry.id).toMatch(/^https:\/\//);
      for (const id of entry.related) expect(loaded.knowledge.get(id), `${entry.id} -> ${id}`).toBeDefined();
    }
  });

  it('cites the Qlik Fix article for the service-account and Monitoring-app entries', async () => {
    const loaded = await loadKnowledgeBase({});
    if (!loaded.ok) throw new Error(loaded.error);
    for (const id of ['service-account-license', 'monitoring-app-reload']) {
      expect(
        loaded.knowledge
          .get(id)
          ?.sources.map((source) => source.title)
          .join(' '),
      ).toContain('Qlik Fix');
    }
  });

  it("adds a site's own entries and overrides a built-in one by id", async () => {
    await writeFile(join(siteDir, 'badge-reader.md'), siteEntry('badge-reader', 'Badge reader kiosks share one user'));
    await writeFile(
      join(siteDir, 'five-session-limit.md'),
      siteEntry('five-session-limit', 'ACME: the five-session limit, our runbook', '[badge-reader]'),
    );
    const loaded = await loadKnowledgeBase({ siteDir });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.knowledge.entries).toHaveLength(KNOWLEDGE_IDS.length + 1);
    expect(loaded.knowledge.get('five-session-limit')?.title).toBe('ACME: the five-session limit, our runbook');
    expect(loaded.knowledge.get('five-session-limit')?.sources[0]?.url).toBe(
      'https://wiki.example.test/qlik/five-session-limit',
    );
    expect(loaded.knowledge.entries.at(-1)?.id).toBe('badge-reader');
    expect(loaded.knowledge.match('the badge reader sessions pile up').matches[0]?.id).toBe('badge-reader');
  });

  it.for([
    {
      name: 'a broken entry',
      file: 'broken.md',
      text: siteEntry('broken', 'Broken').replace(/ {4}url: .*\n/, ''),
      error: 'broken.md: field "sources.0.url"',
    },
    {
      name: 'an unknown related id',
      file: 'lonely.md',
      text: siteEntry('lonely', 'Lonely', '[no-such-entry]'),
      error: 'lonely.md: field "related": unknown entry id(s) no-such-entry',
    },
    {
      name: 'the same id twice',
      file: 'badge-reader.yaml',
      text: 'id: badge-reader\ntitle: Again\nanswer: Same id.\nfix: [Rename one.]\nconfirm: Two files.\nsources: [{ title: Wiki, url: "https://wiki.example.test" }]\n',
      error: 'badge-reader.yaml: field "id": "badge-reader" is also defined in',
    },
  ])('fails loudly with the file and the field for $name', async ({ file, text, error }) => {
    await writeFile(join(siteDir, 'badge-reader.md'), siteEntry('badge-reader', 'Badge reader'));
    await writeFile(join(siteDir, file), text);
    const loaded = await loadKnowledgeBase({ siteDir });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toContain(error);
    expect(loaded.error).toContain(siteDir);
  });

  it('says which folder cannot be read', async () => {
    const missing = join(siteDir, 'nope');
    const loaded = await loadKnowledgeBase({ siteDir: missing });
    expect(loaded).toEqual({
      ok: false,
      error: expect.stringContaining(`QLIK_KB_DIR ${missing} cannot be read (ENOENT)`),
    });
  });
});
