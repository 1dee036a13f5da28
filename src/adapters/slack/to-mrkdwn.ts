import { spansOf, type RichText } from '../../core/text/index.js';

/** Slack's three control characters; with them escaped, `<!channel>` or `<@U123>` from input stays literal. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack code spans cannot contain a backtick; a look-alike keeps the text readable. */
function codeSafe(text: string): string {
  return text.replace(/`/g, 'ˋ');
}

/** Slack mrkdwn: everything from input escaped, spans turned into Slack's own markup. */
export function toMrkdwn(rich: RichText): string {
  return spansOf(rich)
    .map((span) => {
      if (typeof span === 'string') return escapeMrkdwn(span);
      switch (span.kind) {
        case 'strong':
          return span.text.trim() === '' ? escapeMrkdwn(span.text) : `*${escapeMrkdwn(span.text)}*`;
        case 'code':
          return `\`${escapeMrkdwn(codeSafe(span.text))}\``;
        case 'link':
          // The URL comes from entries (a site's QLIK_KB_DIR too): `|` and `>` would end the link early, `<` would open another.
          return `<${span.url.replace(/[|<>\s]/g, encodeURIComponent)}|${escapeMrkdwn(span.text).replace(/\|/g, '¦')}>`;
      }
    })
    .join('');
}
