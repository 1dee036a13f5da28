import type { types } from '@slack/bolt';
import { link, type Reply, type ReplyAction, type ReplySection, type RichText } from '../../bot/index.js';
import { escapeMrkdwn, toMrkdwn } from './to-mrkdwn.js';
import { ACTION_IDS } from './action-ids.js';
import { BLOCK_KIT_LIMITS, clampText, fitBlocks, splitSectionText } from './block-kit-limits.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

export interface SlackMessage {
  /** Notification and screen-reader fallback. */
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export interface RenderOptions {
  /** What the "share in channel" button carries back (the request to answer again in public). */
  readonly shareValue?: string;
}

function sectionMrkdwn(section: ReplySection): string {
  const lines: string[] = [];
  if (section.title !== null) lines.push(`*${escapeMrkdwn(section.title)}*`);
  for (const paragraph of section.paragraphs) lines.push(toMrkdwn(paragraph));
  section.steps.forEach((step, index) => lines.push(`${index + 1}. ${toMrkdwn(step)}`));
  return lines.join('\n');
}

function sectionBlocks(text: string): KnownBlock[] {
  return splitSectionText(text).map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

/** Slack's table block: one per message, at most 100 rows and 20 columns; cells are raw text, so nothing is interpreted. */
const TABLE_LIMITS = { rows: 100, columns: 20, cell: 2000 } as const;

function tableBlock(columns: readonly string[], rows: readonly (readonly string[])[]): KnownBlock | null {
  const all = [columns, ...rows];
  if (all.length > TABLE_LIMITS.rows || columns.length > TABLE_LIMITS.columns) return null;
  if (all.some((row) => row.some((cell) => cell.length > TABLE_LIMITS.cell))) return null;
  return {
    type: 'table',
    // Escaped like every text from a log: Slack decodes the entities, so `<!channel>` shows literally and pings nobody.
    rows: all.map((row) =>
      columns.map((_, index) => ({
        type: 'raw_text' as const,
        text: row[index] === undefined || row[index] === '' ? ' ' : escapeMrkdwn(row[index] ?? ''),
      })),
    ),
  };
}

/** A monospaced table; every cell came from a log, so it is escaped like any other input. */
function factsMrkdwn(columns: readonly string[], rows: readonly (readonly string[])[]): { text: string; cut: boolean } {
  const widths = columns.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    widths
      .map((width, index) => (cells[index] ?? '').replace(/`/g, 'ˋ').padEnd(width))
      .join('  ')
      .trimEnd();
  const body = [line(columns), ...rows.map(line)];
  // Leave room for the fences and the "more rows" line inside one section.
  const budget = BLOCK_KIT_LIMITS.sectionText - 80;
  const kept: string[] = [];
  let used = 0;
  for (const row of body) {
    const cost = escapeMrkdwn(row).length + 1;
    if (used + cost > budget) break;
    kept.push(row);
    used += cost;
  }
  const more = body.length - kept.length;
  const table = '```\n' + escapeMrkdwn(kept.join('\n')) + '\n```';
  return more > 0 ? { text: `${table}\n_${more} more rows not shown._`, cut: true } : { text: table, cut: false };
}

/** Whether a value fits a button as it is: a cut value would act on something else (another user's sessions). */
function fitsButton(value: string): boolean {
  return escapeMrkdwn(value).length < BLOCK_KIT_LIMITS.buttonValue;
}

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: escapeMrkdwn(text), emoji: true },
    action_id: actionId,
    // Values are never shown, but escaping keeps any payload scan free of input markup; listeners decode them (decodeSlackEntities).
    value: escapeMrkdwn(value),
    ...(style === undefined ? {} : { style }),
  };
}

function actionButtons(action: ReplyAction, options: RenderOptions): Button[] {
  switch (action.kind) {
    case 'feedback':
      if (!fitsButton(action.topic)) return [];
      return [
        button('Helpful', ACTION_IDS.helpful, action.topic),
        button('Not helpful', ACTION_IDS.notHelpful, action.topic),
      ];
    case 'share-in-channel':
      return options.shareValue === undefined || !fitsButton(options.shareValue)
        ? []
        : [button('Share in channel', ACTION_IDS.shareInChannel, options.shareValue, 'primary')];
    case 'end-sessions': {
      if (!fitsButton(action.user)) return [];
      const end = button(`End ${action.user}'s sessions`, ACTION_IDS.endSessions, action.user, 'danger');
      return [
        {
          ...end,
          confirm: {
            title: { type: 'plain_text', text: 'End sessions?' },
            text: {
              type: 'mrkdwn',
              text: `End all ${action.liveSessions} live proxy sessions of ${escapeMrkdwn(action.user)} on every proxy node? Unsaved work in open apps is lost.`,
            },
            confirm: { type: 'plain_text', text: 'End sessions' },
            deny: { type: 'plain_text', text: 'Cancel' },
            style: 'danger',
          },
        },
      ];
    }
  }
}

function sourcesMrkdwn(reply: Reply): string | null {
  const lines = reply.entries.map((entry) => {
    const sources: RichText = entry.sources.flatMap((source, index) => [
      index === 0 ? ' — ' : ' · ',
      link(source.title, source.url),
    ]);
    return `• ${toMrkdwn([`${entry.title} (`, { kind: 'code', text: entry.id }, ')'])}${toMrkdwn(sources)}`;
  });
  return lines.length === 0 ? null : `*Sources*\n${lines.join('\n')}`;
}

/** The blocks before Slack's limits are applied, and whether the facts table had to be cut. */
function replyBlocks(reply: Reply, options: RenderOptions): { blocks: KnownBlock[]; factsCut: boolean } {
  const blocks: KnownBlock[] = [];
  let factsCut = false;
  const headline = escapeMrkdwn(reply.headline);
  if (headline.length <= BLOCK_KIT_LIMITS.headerText) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: headline, emoji: true } });
  } else {
    // Slack's bold does not span lines: a headline with a list (nodes that failed) is bolded line by line.
    blocks.push(
      ...sectionBlocks(
        headline
          .split('\n')
          .map((line) => (line.trim() === '' ? line : `*${line.trim()}*`))
          .join('\n'),
      ),
    );
  }
  if (reply.facts !== null && reply.facts.rows.length > 0) {
    const table = tableBlock(reply.facts.columns, reply.facts.rows);
    if (table !== null) blocks.push(table);
    else {
      const facts = factsMrkdwn(reply.facts.columns, reply.facts.rows);
      factsCut = facts.cut;
      blocks.push(...sectionBlocks(facts.text));
    }
  }
  for (const section of reply.sections) {
    const text = sectionMrkdwn(section);
    if (text !== '') blocks.push(...sectionBlocks(text));
  }
  const sources = sourcesMrkdwn(reply);
  if (sources !== null) blocks.push(...sectionBlocks(sources));
  if (reply.caveats.length > 0) {
    const caveats = reply.caveats.map((caveat) => `_${toMrkdwn(caveat)}_`).join('\n');
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: clampText(caveats, BLOCK_KIT_LIMITS.sectionText) }],
    });
  }
  if (reply.actions.some((action) => action.kind === 'end-sessions' && !fitsButton(action.user))) {
    const note =
      'The End sessions button is left out: the user name is longer than a Slack button can carry. End them with `qlik-sessions end` in a shell, or in the QMC.';
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: note }] });
  }
  const buttons = reply.actions.flatMap((action) => actionButtons(action, options));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { blocks, factsCut };
}

/** Block Kit for a Reply: headline, the facts that matter (a table block), sections (the fix), sources, caveats, buttons. Pure. */
export function renderReplyBlocks(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const { blocks } = replyBlocks(reply, options);
  return {
    text: clampText(escapeMrkdwn(reply.headline), BLOCK_KIT_LIMITS.fallbackText),
    blocks: fitBlocks(blocks) as KnownBlock[],
  };
}

/** True when the reply cannot be shown whole in one message: rows or parts left out (the full report then goes as files). */
export function overflowsBlockKit(reply: Reply): boolean {
  const { blocks, factsCut } = replyBlocks(reply, {});
  const rowsLeftOut = reply.facts !== null && (reply.facts.total ?? 0) > reply.facts.rows.length;
  return factsCut || rowsLeftOut || blocks.length > BLOCK_KIT_LIMITS.blocksPerMessage;
}

/** A short plain reply (errors, confirmations) in the same shape. */
export function renderNotice(text: RichText): SlackMessage {
  const mrkdwn = toMrkdwn(text);
  return { text: clampText(mrkdwn, BLOCK_KIT_LIMITS.fallbackText), blocks: sectionBlocks(mrkdwn) };
}
