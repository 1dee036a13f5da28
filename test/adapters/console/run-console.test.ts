import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPastedLogLine, runConsole } from '../../../src/adapters/console/index.js';
import { PROMPT } from '../../../src/adapters/console/run-console.js';
import type { Scheduler } from '../../../src/adapters/console/paste-collector.js';
import { loadKnowledgeBase } from '../../../src/adapters/knowledge-files/index.js';
import type { Bot } from '../../../src/bot/bot.js';
import { createBot } from '../../../src/bot/create-bot.js';

// Lines of one write reach readline together, so "after the current I/O" stands for "the terminal went quiet".
const afterThisChunk: Scheduler = {
  set: (callback) => setImmediate(callback),
  clear: (handle) => clearImmediate(handle as ReturnType<typeof setImmediate>),
};

let bot: Bot;
beforeAll(async () => {
  const loaded = await loadKnowledgeBase({ siteDir: undefined });
  if (!loaded.ok) throw new Error('the built-in knowledge base must load');
  bot = createBot({ knowledge: loaded.knowledge, serviceAccounts: [] });
});

/** A fake terminal: input marked as a TTY, output collected; `type` writes what a person types or pastes. */
function terminal(color: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
  let seen = '';
  const waiters: { text: string; count: number; resolve: () => void }[] = [];
  const occurrences = (text: string) => seen.split(text).length - 1;
  output.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
    for (const waiter of [...waiters]) {
      if (occurrences(waiter.text) >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const done = runConsole({ bot, input, output, color, isLogLine: isPastedLogLine, scheduler: afterThisChunk });
  return {
    done,
    type: (text: string) => input.write(text),
    end: () => input.end(),
    output: () => seen,
    /** Resolves once `text` has been written `count` times. */
    waitFor: (text: string, count = 1) =>
      new Promise<void>((resolve) => (occurrences(text) >= count ? resolve() : waiters.push({ text, count, resolve }))),
  };
}

describe('runConsole on a terminal', () => {
  it('prompts, answers, prompts again, and leaves on exit', async () => {
    const session = terminal(false);
    await session.waitFor(PROMPT);
    session.type('help\r');
    await session.waitFor(PROMPT, 2);
    expect(session.output()).toContain('Commands');
    session.type('exit\r');
    await session.done;
  });

  it('answers a multi-line paste as one message', async () => {
    const session = terminal(false);
    await session.waitFor(PROMPT);
    session.type('what now?\r```\rnot a log line\rstill not\r```\r');
    await session.waitFor(PROMPT, 2);
    session.end();
    await session.done;
    // One answer: the prompt came back once after the paste, not once per line.
    expect(session.output().split(PROMPT)).toHaveLength(3);
  });

  it('leaves on Ctrl-C', async () => {
    const session = terminal(false);
    await session.waitFor(PROMPT);
    session.type('half a question\u0003');
    await expect(session.done).resolves.toBeUndefined();
  });

  it('leaves at the end of input (Ctrl-D)', async () => {
    const session = terminal(true);
    await session.waitFor(PROMPT);
    session.end();
    await expect(session.done).resolves.toBeUndefined();
    expect(session.output()).toContain('\u001b[2m');
  });
});
