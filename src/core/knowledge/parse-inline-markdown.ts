import type { RichText, Span } from '../text/index.js';

// `code`, **strong**, [title](url): the inline Markdown an admin writes in an entry.
const INLINE = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Inline Markdown to RichText; everything else stays literal text (renderers escape it). */
export function parseInlineMarkdown(markdown: string): RichText {
  const text = markdown.replace(/\s+/g, ' ').trim();
  const parts: (string | Span)[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const [, codeText, strongText, linkText, url] = match;
    if (codeText !== undefined) parts.push({ kind: 'code', text: codeText });
    else if (strongText !== undefined) parts.push({ kind: 'strong', text: strongText });
    else if (linkText !== undefined && url !== undefined) parts.push({ kind: 'link', text: linkText, url });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : parts;
}
