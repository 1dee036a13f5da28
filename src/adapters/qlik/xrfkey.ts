import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh 16-character Xrfkey; Qlik allows only 0-9, a-z and A-Z in it. */
export function createXrfkey(random: (size: number) => Uint8Array = randomBytes): string {
  return Array.from(random(16), (byte) => ALPHABET[byte % ALPHABET.length] ?? 'a').join('');
}
