import type { KnowledgeBase } from '../core/knowledge/index.js';
import { write, type CliIo } from './cli-io.js';
import { openApp } from './open-app.js';

/** The knowledge base with the site's entries from QLIK_KB_DIR; on failure says why on stderr and returns undefined. */
export async function readKnowledge(io: CliIo, command: string): Promise<KnowledgeBase | undefined> {
  const app = await openApp(io, command);
  if (app === undefined) return undefined;
  const loaded = await app.knowledge();
  if (!loaded.ok) {
    await write(
      io.stderr,
      `qlik-sessions ${command}: ${loaded.error}\nFix the entry (or unset QLIK_KB_DIR) and try again.\n`,
    );
    return undefined;
  }
  return loaded.knowledge;
}
