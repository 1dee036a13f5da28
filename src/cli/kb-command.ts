import { parseArgs } from 'node:util';
import { renderReplyText } from '../adapters/console/index.js';
import { entryReply } from '../bot/index.js';
import { didYouMean } from '../core/knowledge/index.js';
import { EXIT_OK, EXIT_USAGE, write } from './cli-io.js';
import type { Command } from './command.js';
import { readKnowledge } from './read-knowledge.js';
import { wantsColor } from './wants-color.js';

/** `qlik-sessions kb [ID] [--json]`: list the knowledge entries, or show one. */
export const kbCommand: Command = {
  name: 'kb',
  synopsis: 'kb [ID] [--json]',
  summary: 'list the knowledge entries, or show one',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], allowPositionals: true, options: { json: { type: 'boolean' } } });
    } catch (error) {
      await write(
        io.stderr,
        `qlik-sessions kb: ${error instanceof Error ? error.message : String(error)}\nUsage: qlik-sessions kb [ID] [--json]\n`,
      );
      return EXIT_USAGE;
    }
    const { positionals, values } = parsed;
    if (positionals.length > 1) {
      await write(io.stderr, 'qlik-sessions kb: give at most one entry id, e.g. qlik-sessions kb five-session-limit\n');
      return EXIT_USAGE;
    }
    const knowledge = await readKnowledge(io, 'kb');
    if (knowledge === undefined) return EXIT_USAGE;
    const [id] = positionals;

    if (id === undefined) {
      if (values.json === true) {
        const entries = knowledge.entries.map((entry) => ({
          id: entry.id,
          title: entry.title,
          related: entry.related,
        }));
        await write(io.stdout, `${JSON.stringify({ entries }, null, 2)}\n`);
        return EXIT_OK;
      }
      const width = Math.max(...knowledge.entries.map((entry) => entry.id.length));
      const lines = knowledge.entries.map((entry) => `${entry.id.padEnd(width)}  ${entry.title}`);
      await write(io.stdout, `${lines.join('\n')}\n\nShow one with: qlik-sessions kb ID\n`);
      return EXIT_OK;
    }

    // Ids are lower-case kebab; the chat `kb` command reads them without regard to case too.
    const entry = knowledge.get(id.toLowerCase());
    if (entry === undefined) {
      const ids = knowledge.entries.map((known) => `  ${known.id}`).join('\n');
      const meant = didYouMean(
        id,
        knowledge.entries.map((known) => known.id),
      );
      const guess = meant === undefined ? '' : ` Did you mean "qlik-sessions kb ${meant}"?`;
      await write(io.stderr, `qlik-sessions kb: no entry "${id}".${guess} Known ids:\n${ids}\n`);
      return EXIT_USAGE;
    }
    if (values.json === true) {
      await write(io.stdout, `${JSON.stringify(entry, null, 2)}\n`);
      return EXIT_OK;
    }
    await write(io.stdout, renderReplyText(entryReply(entry), { color: wantsColor(io) }));
    return EXIT_OK;
  },
};
