/** `CORP\mweber` as part of a file name on any system: letters, digits, dot, dash and underscore only. */
export function safeFileName(text: string): string {
  const cleaned = text.replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return cleaned === '' ? 'user' : cleaned.slice(0, 80);
}
