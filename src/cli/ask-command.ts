import { parseArgs } from 'node:util';
// From its own module: the bot's index would load every reply the bot can give.
import { decideChannelMessage, type ChannelDecision } from '../bot/decide-message.js';
import { EXIT_OK, EXIT_USAGE, write, type CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { readKnowledge } from './read-knowledge.js';

async function readStdin(io: CliIo): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function renderMatch(decision: ChannelDecision, explain: boolean): string {
  const lines: string[] = [];
  const result = decision.match;
  lines.push(
    decision.kind !== 'quiet'
      ? `Auto-reply: yes (${decision.reason})`
      : `Auto-reply: no${result.explanation.guards.length > 0 ? ` (looks like: ${result.explanation.guards.join(', ')})` : ''}`,
  );
  if (result.matches.length === 0)
    lines.push('No knowledge entry fits this message. Try other words, or `qlik-sessions kb` to list the entries.');
  const width = Math.max(...result.matches.map((match) => match.id.length));
  result.matches.forEach((match, index) =>
    lines.push(`${index + 1}. ${match.id.padEnd(width)}  ${match.score.toFixed(2)}  ${match.title}`),
  );
  if (result.matches.length > 0) lines.push('', `Read one with: qlik-sessions kb ${result.matches[0]?.id ?? ''}`);

  if (explain) {
    const { explanation } = result;
    lines.push('', `Words: ${explanation.written.join(' ')}`);
    lines.push(`Read as: ${explanation.words.join(' ')}`);
    lines.push(`Signals: ${explanation.signals.map((s) => `${s.code} (${s.evidence})`).join('; ') || 'none'}`);
    lines.push(
      `Guards: ${explanation.guards.join(', ') || 'none'}${explanation.overruled.length > 0 ? ` (overruled: ${explanation.overruled.join(', ')})` : ''}`,
    );
    lines.push(
      `Question: ${explanation.intents.map((intent) => `${intent.code} (${intent.evidence})`).join('; ') || 'none'}`,
    );
    if (explanation.uncovered.length > 0)
      lines.push(
        `Not covered by any entry: ${explanation.uncovered.map((item) => `${item.code} (${item.evidence})`).join('; ')}`,
      );
    for (const entry of explanation.entries) {
      // The user's own words first; the canonical form only where it differs ("licences (licens)").
      const terms = entry.terms
        .slice(0, 8)
        .map(
          (term) => `${term.written}${term.written === term.term ? '' : ` (${term.term})`} ${term.weight.toFixed(2)}`,
        );
      lines.push(`${entry.id}: total ${entry.total.toFixed(2)} = terms [${terms.join(', ')}]`);
      if (entry.triggers.length > 0)
        lines.push(`  triggers: ${entry.triggers.map((trigger) => `"${trigger}"`).join(', ')}`);
      if (entry.intentBoost > 0) lines.push(`  question boost: ${entry.intentBoost}`);
      if (entry.damping < 1)
        lines.push(
          `  damped x${entry.damping} (another product, a topic no entry covers, or no word of the Qlik session domain)`,
        );
      if (entry.signalBoost > 0) lines.push(`  signal boost: ${entry.signalBoost}`);
      if (entry.causeOf !== undefined)
        lines.push(
          `  the cause named beside the quoted error (${entry.causeEvidence.toFixed(2)} beyond its words): ` +
            `ranked before ${entry.causeOf}`,
        );
      else if (entry.causeEvidence > 0)
        lines.push(`  beyond the error's own entry: ${entry.causeEvidence.toFixed(2)}, too little to name a cause`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `qlik-sessions ask TEXT... [--json] [--explain]`: which knowledge entries fit a message, and would the bot auto-reply. */
export const askCommand: Command = {
  name: 'ask',
  synopsis: 'ask TEXT...|- [--json] [--explain]',
  summary: 'knowledge matches for a message (- reads it from stdin)',
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        options: { json: { type: 'boolean' }, explain: { type: 'boolean' } },
      });
    } catch (error) {
      await write(
        io.stderr,
        `qlik-sessions ask: ${error instanceof Error ? error.message : String(error)}\nUsage: qlik-sessions ${askCommand.synopsis}\n`,
      );
      return EXIT_USAGE;
    }
    const { positionals, values } = parsed;
    const text = positionals.length === 1 && positionals[0] === '-' ? await readStdin(io) : positionals.join(' ');
    if (text.trim() === '') {
      await write(
        io.stderr,
        'qlik-sessions ask: give the message to match, e.g. qlik-sessions ask "too many sessions active in parallel" (or - to read stdin)\n',
      );
      return EXIT_USAGE;
    }
    const knowledge = await readKnowledge(io, 'ask');
    if (knowledge === undefined) return EXIT_USAGE;
    // The bot's own rule for a new channel message, so autoReply is exactly what the bot would do (log lines included).
    const decision = decideChannelMessage(knowledge, text);
    if (values.json === true) {
      const { matches, explanation } = decision.match;
      const body = {
        matches,
        autoReply: decision.kind !== 'quiet',
        ...(values.explain === true ? { explanation } : {}),
      };
      await write(io.stdout, `${JSON.stringify(body, null, 2)}\n`);
    } else {
      await write(io.stdout, renderMatch(decision, values.explain === true));
    }
    return EXIT_OK;
  },
};
