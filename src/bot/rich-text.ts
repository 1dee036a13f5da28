/**
 * Inline text of a Reply. A plain string is always literal: renderers escape it, so text that came from a
 * user or a log can never become markup, a link or a mention. Emphasis, code and titled links are spans.
 */
export type Span =
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

export type RichText = string | readonly (string | Span)[];

export const strong = (text: string): Span => ({ kind: 'strong', text });
export const code = (text: string): Span => ({ kind: 'code', text });
export const link = (text: string, url: string): Span => ({ kind: 'link', text, url });

function spansOf(rich: RichText): readonly (string | Span)[] {
  return typeof rich === 'string' ? [rich] : rich;
}

/** Plain text for terminals and notification fallbacks: links keep their titles, followed by the URL. */
export function toPlainText(rich: RichText): string {
  return spansOf(rich)
    .map((span) => {
      if (typeof span === 'string') return span;
      switch (span.kind) {
        case 'strong':
          return span.text;
        case 'code':
          return span.text;
        case 'link':
          return span.text === span.url ? span.url : `${span.text} (${span.url})`;
      }
    })
    .join('');
}

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
