import { copyString } from './copy-string.js';

/**
 * Users interned to small numbers: the folds keep their figures in arrays indexed by them. Windows accounts are
 * case-insensitive; the first spelling seen is the one shown.
 */
export class UserTable {
  private readonly byKey = new Map<string, number>();
  /** Each spelling seen, so most lines skip lower-casing the name. */
  private readonly bySpelling = new Map<string, number>();
  private readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  /** The number of `name`, given a new one (the next of `size`) when it is new. */
  id(name: string): number {
    const spelled = this.bySpelling.get(name);
    if (spelled !== undefined) return spelled;
    const key = name.toLowerCase();
    let id = this.byKey.get(key);
    // One copy serves as the name, its spelling and (when it is already lower case) its key: 20,000 users, 20,000 strings.
    let spelling: string | null = null;
    if (id === undefined) {
      id = this.names.length;
      spelling = copyString(name);
      this.names.push(spelling);
      this.byKey.set(key === name ? spelling : copyString(key), id);
    }
    if (this.bySpelling.size < 4 * (this.names.length + 64)) this.bySpelling.set(spelling ?? copyString(name), id);
    return id;
  }

  /** The number of a user already seen, or undefined. */
  find(name: string): number | undefined {
    return this.bySpelling.get(name) ?? this.byKey.get(name.toLowerCase());
  }

  name(id: number): string {
    return this.names[id] ?? '';
  }

  heldEntries(): number {
    return this.byKey.size + this.bySpelling.size;
  }
}
