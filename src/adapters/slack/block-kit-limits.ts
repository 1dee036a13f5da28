import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
type Block = types.Block;

/** Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit/blocks); enforced here and nowhere else. */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonValue: 2000,
  buttonText: 75,
  confirmTitle: 100,
  confirmText: 300,
  fallbackText: 3000,
} as const;

const ELLIPSIS = '…';

/** Shortens text to `max` characters without cutting an HTML entity (`&amp;`) or a mrkdwn link in half. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - ELLIPSIS.length);
  // An entity or link cut in half would render as garbage or break the markup.
  const openEntity = cut.lastIndexOf('&');
  if (openEntity >= 0 && !cut.slice(openEntity).includes(';') && openEntity > cut.length - 6)
    cut = cut.slice(0, openEntity);
  const openLink = cut.lastIndexOf('<');
  if (openLink >= 0 && !cut.slice(openLink).includes('>')) cut = cut.slice(0, openLink);
  return `${cut}${ELLIPSIS}`;
}

/** Splits mrkdwn into pieces of at most `max` characters, at line ends where possible, for consecutive section blocks. */
export function splitSectionText(text: string, max: number = BLOCK_KIT_LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = line.length <= max ? line : clampText(line, max);
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

type AnyBlock = KnownBlock | Block;
type ActionsElement = types.ActionsBlockElement;

/** A button's label and confirmation dialog carry user names, which can be longer than Slack accepts. */
function fitElement(element: ActionsElement): ActionsElement {
  if (element.type !== 'button') return element;
  const { confirm } = element;
  return {
    ...element,
    text: { ...element.text, text: clampText(element.text.text, BLOCK_KIT_LIMITS.buttonText) },
    ...(confirm === undefined
      ? {}
      : {
          confirm: {
            ...confirm,
            ...(confirm.title === undefined
              ? {}
              : { title: { ...confirm.title, text: clampText(confirm.title.text, BLOCK_KIT_LIMITS.confirmTitle) } }),
            ...(confirm.text === undefined
              ? {}
              : { text: { ...confirm.text, text: clampText(confirm.text.text, BLOCK_KIT_LIMITS.confirmText) } }),
          },
        }),
  };
}

function fitOne(block: AnyBlock): AnyBlock {
  const known = block as KnownBlock;
  switch (known.type) {
    case 'header':
      return { ...known, text: { ...known.text, text: clampText(known.text.text, BLOCK_KIT_LIMITS.headerText) } };
    case 'section':
      return known.text === undefined
        ? known
        : { ...known, text: { ...known.text, text: clampText(known.text.text, BLOCK_KIT_LIMITS.sectionText) } };
    case 'context':
      return { ...known, elements: known.elements.slice(0, BLOCK_KIT_LIMITS.contextElements) };
    case 'actions':
      return { ...known, elements: known.elements.slice(0, BLOCK_KIT_LIMITS.actionsElements).map(fitElement) };
    default:
      return known;
  }
}

/**
 * The one place that makes a message fit Slack's limits: headers, sections and button labels are clamped, and a message over
 * 50 blocks keeps its beginning, a note saying what was left out, and its buttons (the last actions block).
 */
export function fitBlocks(blocks: readonly AnyBlock[]): AnyBlock[] {
  const fitted = blocks.map(fitOne);
  const max = BLOCK_KIT_LIMITS.blocksPerMessage;
  if (fitted.length <= max) return fitted;
  const lastIndex = fitted.length - 1;
  const last = fitted[lastIndex];
  const keepActions = last !== undefined && last.type === 'actions';
  const room = max - 1 - (keepActions ? 1 : 0);
  const omitted = fitted.length - room - (keepActions ? 1 : 0);
  const note: KnownBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `${omitted} more parts of this reply were left out to fit Slack's limits; ask for a shorter excerpt or use \`qlik-sessions analyze\` for the full report.`,
      },
    ],
  };
  return [...fitted.slice(0, room), note, ...(keepActions && last !== undefined ? [last] : [])];
}
