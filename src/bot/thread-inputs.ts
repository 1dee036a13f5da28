import { containsQlikLogLines } from '../core/logs/index.js';
import { plural, spansOf, type RichText } from '../core/text/index.js';
import { describeFileProblem } from './file-problem-reply.js';
import { guardFile, type GuardedFile, type GuardedSource } from './guarded-file.js';
import type { EarlierPost } from './incoming-message.js';

/** What the earlier messages of a thread add to an analysis. */
export interface ThreadInputs {
  /** Pastes and files, in the order they were posted (files become their inputs when read). */
  readonly inputs: readonly GuardedSource[];
  /** The earlier files, to learn after the analysis which could not be read. */
  readonly files: readonly GuardedFile[];
  /** Messages whose lines or files are in the analysis. */
  readonly read: number;
  /** Messages with log lines or files that did not fit into the size cap, the oldest ones. */
  readonly leftOut: number;
  readonly unavailable: boolean;
}

const NOTHING: ThreadInputs = { inputs: [], files: [], read: 0, leftOut: 0, unavailable: false };

/**
 * The pastes and log files of the earlier messages of a thread, newest first until `budgetBytes` (what the size cap
 * leaves beside the message being answered) is used up, then put back in the order they were posted.
 */
export async function threadInputs(
  earlier: (() => Promise<readonly EarlierPost[]>) | undefined,
  budgetBytes: number,
  maxFileBytes: number,
  isLogFileName: (name: string) => boolean,
): Promise<ThreadInputs> {
  if (earlier === undefined) return NOTHING;
  let posts: readonly EarlierPost[];
  try {
    posts = await earlier();
  } catch {
    return { ...NOTHING, unavailable: true };
  }
  const taken: { index: number; text: string | null; files: EarlierPost['files'] }[] = [];
  let left = budgetBytes;
  let leftOut = 0;
  for (let index = posts.length - 1; index >= 0; index -= 1) {
    const post = posts[index] as EarlierPost;
    const text = containsQlikLogLines(post.text) ? post.text : null;
    const files = post.files.filter((file) => isLogFileName(file.name));
    if (text === null && files.length === 0) continue;
    const size = (text === null ? 0 : Buffer.byteLength(text)) + files.reduce((sum, file) => sum + (file.size ?? 0), 0);
    // Once one does not fit, the older ones stay out too: the analysis covers the latest stretch of the thread.
    if (leftOut > 0 || size > left) {
      leftOut += 1;
      continue;
    }
    left -= size;
    taken.push({ index, text, files });
  }
  taken.reverse();
  const inputs = taken.flatMap((post, order): GuardedSource[] => [
    ...(post.text === null ? [] : [{ name: `thread message ${order + 1}`, chunks: [post.text] }]),
    ...post.files.map((file) => guardFile(file, maxFileBytes)),
  ]);
  const files = inputs.filter((input): input is GuardedFile => 'inputs' in input);
  return { inputs, files, read: taken.length, leftOut, unavailable: false };
}

/** The caveats that say what of the thread the verdict covers. */
export function threadCaveats(thread: ThreadInputs, maxFileBytes: number): RichText[] {
  const caveats: RichText[] = [];
  if (thread.unavailable) {
    caveats.push(
      'The earlier messages of this thread could not be read, so only this message was analysed; try again later.',
    );
  }
  if (thread.read > 0) {
    caveats.push(
      `Analysed together with the log lines and files of ${plural(thread.read, 'earlier message')} in this thread.`,
    );
  }
  if (thread.leftOut > 0) {
    const mb = Math.round((maxFileBytes / (1024 * 1024)) * 10) / 10;
    caveats.push(
      `${plural(thread.leftOut, 'earlier message')} of this thread with log lines or files ` +
        `${thread.leftOut === 1 ? 'was' : 'were'} left out: with ${thread.leftOut === 1 ? 'it' : 'them'} ` +
        `the analysis would read more than ${mb} MB. Start a new thread to analyse an older stretch.`,
    );
  }
  for (const file of thread.files) {
    const problem = file.problem();
    if (problem !== null) caveats.push(['Shared earlier in this thread: ', ...spansOf(describeFileProblem(problem))]);
  }
  return caveats;
}
