/** Slack bot, user and app-level tokens, and bearer credentials, wherever they appear in a text. */
const SECRET = /\b(?:xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|Bearer\s+[A-Za-z0-9._~+/-]+=*)/g;

/** Replaces anything that looks like a token: a last guard, since no caller should ever log one. */
export function scrubSecrets(text: string): string {
  return text.replace(SECRET, '[redacted]');
}
