/** Slack sends `&`, `<` and `>` as entities; everything that reads what a person typed or pasted wants them back. */
export function unescapeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
