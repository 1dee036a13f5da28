import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot, BotOutcome, ReplyPicture } from '../../bot/index.js';
import { consoleMessage } from './console-message.js';
import { createLineGrouper } from './group-lines.js';
import { createPasteCollector, realScheduler, type Scheduler } from './paste-collector.js';
import { renderReplyText } from './render-reply-text.js';
import { writeText } from './write-text.js';

export interface ConsoleOptions {
  readonly bot: Bot;
  readonly input: Readable & { isTTY?: boolean };
  readonly output: Writable & { isTTY?: boolean };
  /** ANSI styling; the caller decides (a terminal, and no NO_COLOR). */
  readonly color: boolean;
  /** Recognises one Qlik Sense log line, to keep a piped paste together. */
  readonly isLogLine: (line: string) => boolean;
  readonly scheduler?: Scheduler;
  /** Saves a reply's picture (the timeline) and says where; without it pictures are not saved. */
  readonly savePicture?: (
    picture: ReplyPicture,
  ) => Promise<{ readonly ok: true; readonly path: string } | { readonly ok: false; readonly error: string }>;
}

export const PROMPT = 'qlik-sessions> ';

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function renderOutcome(outcome: BotOutcome, color: boolean): string {
  switch (outcome.kind) {
    case 'reply':
      return renderReplyText(outcome.reply, { color });
    case 'quiet':
      return color ? `${DIM}(no reply: ${outcome.reason})${RESET}\n` : `(no reply: ${outcome.reason})\n`;
  }
}

/** A piped message echoed in one line, so a transcript shows what each reply answers. */
function echo(text: string, color: boolean): string {
  const [first = '', ...rest] = text.split('\n');
  // eslint-disable-next-line no-control-regex -- a piped log must not restyle the terminal
  const shown = first.replace(/^\uFEFF/, '').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const line = `> ${shown.length > 100 ? `${shown.slice(0, 100)}…` : shown}${rest.length > 0 ? ` (+${rest.length} more line${rest.length === 1 ? '' : 's'})` : ''}`;
  return color ? `${BOLD}${line}${RESET}\n` : `${line}\n`;
}

/** A terminal shows no pictures: each is saved to a file, and the reply names it. */
async function savedPictures(options: ConsoleOptions, outcome: BotOutcome): Promise<string> {
  if (outcome.kind !== 'reply' || options.savePicture === undefined) return '';
  const lines: string[] = [];
  for (const picture of outcome.reply.pictures ?? []) {
    const saved = await options.savePicture(picture);
    lines.push(
      saved.ok ? `${picture.title}: saved to ${saved.path}` : `${picture.title} was not saved: ${saved.error}`,
    );
  }
  return lines.length === 0 ? '' : `\n${lines.join('\n')}\n`;
}

async function answer(options: ConsoleOptions, text: string): Promise<string> {
  const outcome = await options.bot.handle(consoleMessage(text));
  return `${renderOutcome(outcome, options.color)}${await savedPictures(options, outcome)}`;
}

/** Piped input: read to the end, one reply per message, in order. */
async function runPiped(options: ConsoleOptions): Promise<void> {
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  const grouper = createLineGrouper(options.isLogLine);
  let first = true;
  const send = async (messages: readonly string[]) => {
    for (const message of messages) {
      const text = await answer(options, message);
      await writeText(options.output, `${first ? '' : '\n'}${echo(message, options.color)}${text}`);
      first = false;
    }
  };
  for await (const line of lines) {
    await send(grouper.push(line));
    if (options.output.destroyed) return;
  }
  await send(grouper.end());
}

/** A terminal: prompt, history, pastes kept together, replies in order; Ctrl-D, Ctrl-C, `exit` or `quit` leaves. */
function runInteractive(options: ConsoleOptions): Promise<void> {
  const terminal = createInterface({
    input: options.input,
    output: options.output,
    terminal: true,
    historySize: 1000,
    prompt: PROMPT,
  });
  let queue: Promise<void> = Promise.resolve();
  const collector = createPasteCollector((text) => {
    if (/^(exit|quit)$/i.test(text)) {
      terminal.close();
      return;
    }
    queue = queue.then(async () => {
      if (text !== '') await writeText(options.output, `${await answer(options, text)}\n`);
      terminal.prompt();
    });
  }, options.scheduler ?? realScheduler);

  return new Promise((resolve, reject) => {
    terminal.on('line', (line) => collector.push(line));
    // Without a listener readline only pauses on Ctrl-C, and the process would end with the conversation unsettled.
    terminal.on('SIGINT', () => terminal.close());
    terminal.on('close', () => {
      collector.finish();
      queue.then(resolve, reject);
    });
    const banner =
      'qlik-sessions console: type as in Slack ("help", a question, /qlik-sessions ..., or paste log lines). Ctrl-D or "exit" leaves.\n';
    void writeText(options.output, options.color ? `${DIM}${banner}${RESET}` : banner).then(() => terminal.prompt());
  });
}

/** The bot in a terminal (like Hubot's shell adapter), or over a pipe when stdin is not a terminal. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  // Write errors reach the write callbacks; without a listener a closed pipe would also crash the process.
  const ignoreClosedPipe = () => undefined;
  options.output.on('error', ignoreClosedPipe);
  try {
    await (options.input.isTTY === true ? runInteractive(options) : runPiped(options));
  } finally {
    options.output.off('error', ignoreClosedPipe);
  }
}
