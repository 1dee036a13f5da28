import type { Link } from '../text/index.js';
import type { RichText } from '../text/index.js';

/** One knowledge entry as loaded from `knowledge/<id>.md` (or a site's QLIK_KB_DIR). */
export interface KnowledgeEntry {
  readonly id: string;
  readonly title: string;
  /** The thing a busy admin needs first: at most three sentences in all. */
  readonly answer: readonly RichText[];
  /** Numbered steps. */
  readonly fix: readonly RichText[];
  /** Which log file and line, or which API call, shows the cause. */
  readonly confirm: readonly RichText[];
  readonly related: readonly string[];
  readonly sources: readonly Link[];
  /** Phrases (words in any order, close together) that point straight at this entry. */
  readonly triggers: readonly string[];
  /** Extra words people use for this topic, beyond those in the text. */
  readonly keywords: readonly string[];
}
