/**
 * Inline text of a Reply. A plain string is always literal: renderers escape it, so text that came from a
 * user or a log can never become markup, a link or a mention. Emphasis, code and titled links are spans.
 */
export type Span =
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

export type RichText = string | readonly (string | Span)[];

/** A titled URL: an entry's sources, a link span's target. */
export interface Link {
  readonly title: string;
  readonly url: string;
}

export const strong = (text: string): Span => ({ kind: 'strong', text });
export const code = (text: string): Span => ({ kind: 'code', text });
export const link = (text: string, url: string): Span => ({ kind: 'link', text, url });

/** The spans of a rich text, a plain string being one literal span. */
export function spansOf(rich: RichText): readonly (string | Span)[] {
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
