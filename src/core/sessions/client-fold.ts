import { clientHash } from './client-hash.js';
import { copyString } from './copy-string.js';
import { HashSets } from './hash-sets.js';
import { perUserArray } from './per-user-array.js';

/** Distinct addresses and browsers counted per user: enough to tell one client from many, bounded for a flood. */
export const MAX_CLIENTS_COUNTED = 64;
/** Shown in replies: the first few of each. */
const SHOWN = 4;

const LOCAL_ADDRESSES = new Set(['::1', '127.0.0.1', '::ffff:127.0.0.1', 'localhost']);

/** `::1`, `[::1]:56562`, `127.0.0.1`: the request came from the Qlik server itself. */
export function isLocalAddress(address: string): boolean {
  return LOCAL_ADDRESSES.has(address.replace(/^\[|\]:\d+$|\]$/g, ''));
}

export interface ClientFigures {
  /** Distinct addresses and browsers, each at most MAX_CLIENTS_COUNTED. */
  readonly addressCount: number;
  readonly userAgentCount: number;
  /** The first few of each, for replies. */
  readonly addresses: readonly string[];
  readonly userAgents: readonly string[];
  /** At least one address was seen and all of them are the server itself. */
  readonly allLocal: boolean;
}

/**
 * The client addresses and browsers of each user, counted in a fixed space per user: hashes in typed arrays, and
 * only the first few of each kept as text.
 */
export class ClientFold {
  private readonly addressHashes = new HashSets(MAX_CLIENTS_COUNTED);
  private readonly agentHashes = new HashSets(MAX_CLIENTS_COUNTED);
  /** Per user, the first SHOWN addresses and browsers, at `user * SHOWN + index`. */
  private readonly addresses: (string | undefined)[] = [];
  private readonly agents: (string | undefined)[] = [];
  /** Per user: 1 while every address seen is the server itself. */
  private notLocal = new Uint8Array(256);

  /** An address of the user; `hash` is its `clientHash` when the caller has it already. */
  address(user: number, address: string, hash = clientHash(address)): void {
    const count = this.addressHashes.sizeOf(user);
    if (!this.addressHashes.add(user, hash)) return;
    // One address that is not the server settles it: the pattern is not run again for the user.
    if ((this.notLocal[user] ?? 0) === 0 && !isLocalAddress(address)) this.markNotLocal(user);
    if (count < SHOWN) this.addresses[user * SHOWN + count] = copyString(address);
  }

  userAgent(user: number, agent: string): void {
    const count = this.agentHashes.sizeOf(user);
    if (!this.agentHashes.add(user, clientHash(agent))) return;
    if (count < SHOWN) this.agents[user * SHOWN + count] = copyString(agent);
  }

  figuresOf(user: number): ClientFigures {
    const addressCount = this.addressHashes.sizeOf(user);
    const userAgentCount = this.agentHashes.sizeOf(user);
    return {
      addressCount,
      userAgentCount,
      addresses: shown(this.addresses, user, addressCount),
      userAgents: shown(this.agents, user, userAgentCount),
      allLocal: addressCount > 0 && (this.notLocal[user] ?? 0) === 0,
    };
  }

  heldEntries(): number {
    return this.addressHashes.heldEntries() + this.agentHashes.heldEntries();
  }

  private markNotLocal(user: number): void {
    this.notLocal = perUserArray(this.notLocal, user + 1, (n) => new Uint8Array(n));
    this.notLocal[user] = 1;
  }
}

function shown(texts: readonly (string | undefined)[], user: number, count: number): string[] {
  const out: string[] = [];
  for (let index = 0; index < Math.min(count, SHOWN); index++) out.push(texts[user * SHOWN + index] as string);
  return out;
}
