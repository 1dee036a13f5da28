/** Slack's three entities, `&` last so that a typed `&lt;` (sent as `&amp;lt;`) stays `&lt;`. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Mentions at the front address the bot (`<@U1> help`, `<@U1|qlik-sessions>: help`); they are not the request. */
const LEADING_MENTIONS = /^\s*(?:<@[^<>]*>[\s:,]*)+/;

/** Slack's markup: a mention, a channel, a broadcast, or a link; everything a person typed as `<` comes as `&lt;`. */
const MARKUP = /<([^<>]*)>/g;

/** One piece of markup as the words it stands for. */
function markupText(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);
  // `<!date^…|fallback>` shows its fallback text; other broadcasts, mentions and channels carry no words.
  if (target.startsWith('!date^')) return label ?? '';
  if (/^[@#!]/.test(target)) return '';
  // A link shows its label (Slack auto-links what was typed, with the typed text as label), else its URL.
  return label ?? target;
}

/**
 * A message as Slack sends it, as the person typed it: mentions of the bot in front dropped, `<@U…>` `<#C…|name>`
 * `<!here>` dropped (they carry no words), links as their label or URL, `&amp;` `&lt;` `&gt;` decoded once.
 */
export function decodeSlackText(text: string): string {
  let plain = '';
  let last = 0;
  const body = text.replace(LEADING_MENTIONS, '');
  for (const match of body.matchAll(MARKUP)) {
    plain += decodeSlackEntities(body.slice(last, match.index)) + decodeSlackEntities(markupText(match[1] ?? ''));
    last = match.index + match[0].length;
  }
  return (plain + decodeSlackEntities(body.slice(last))).trim();
}
