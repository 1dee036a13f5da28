import { clientHash } from './client-hash.js';
import { copyString } from './copy-string.js';

/** Distinct addresses and browsers counted per user: enough to tell one client from many, bounded for a flood. */
export const MAX_CLIENTS_COUNTED = 64;
/** Shown in replies: the first few of each. */
const SHOWN = 4;

const LOCAL_ADDRESSES = new Set(['::1', '127.0.0.1', '::ffff:127.0.0.1', 'localhost']);

/** `::1`, `[::1]:56562`, `127.0.0.1`: the request came from the Qlik server itself. */
export function isLocalAddress(address: string): boolean {
  return LOCAL_ADDRESSES.has(address.replace(/^\[|\]:\d+$|\]$/g, ''));
}

/** Distinct hashes in a small typed array: 64 at most, so a scan beats a Set and holds no objects. */
class HashList {
  private hashes = new Uint32Array(4);
  size = 0;

  /** Adds `hash` unless it is there or the list is full; true when added. */
  add(hash: number): boolean {
    for (let index = 0; index < this.size; index++) if (this.hashes[index] === hash) return false;
    if (this.size >= MAX_CLIENTS_COUNTED) return false;
    if (this.size === this.hashes.length) {
      const grown = new Uint32Array(Math.min(MAX_CLIENTS_COUNTED, this.size * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.size++] = hash;
    return true;
  }
}

interface Clients {
  readonly addressHashes: HashList;
  readonly agentHashes: HashList;
  readonly addresses: string[];
  readonly agents: string[];
  allLocal: boolean;
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

/** The client addresses and browsers of each user, counted in a fixed space per user. */
export class ClientFold {
  private readonly clients = new Map<number, Clients>();

  address(user: number, address: string): void {
    const clients = this.of(user);
    if (!clients.addressHashes.add(clientHash(address))) return;
    if (clients.allLocal && !isLocalAddress(address)) clients.allLocal = false;
    if (clients.addresses.length < SHOWN) clients.addresses.push(copyString(address));
  }

  userAgent(user: number, agent: string): void {
    const clients = this.of(user);
    if (!clients.agentHashes.add(clientHash(agent))) return;
    if (clients.agents.length < SHOWN) clients.agents.push(copyString(agent));
  }

  figuresOf(user: number): ClientFigures {
    const clients = this.clients.get(user);
    if (clients === undefined) return { addressCount: 0, userAgentCount: 0, addresses: [], userAgents: [], allLocal: false };
    return {
      addressCount: clients.addressHashes.size,
      userAgentCount: clients.agentHashes.size,
      addresses: [...clients.addresses],
      userAgents: [...clients.agents],
      allLocal: clients.addressHashes.size > 0 && clients.allLocal,
    };
  }

  heldEntries(): number {
    let held = 0;
    for (const clients of this.clients.values()) held += clients.addressHashes.size + clients.agentHashes.size + clients.addresses.length + clients.agents.length;
    return held;
  }

  private of(user: number): Clients {
    let clients = this.clients.get(user);
    if (clients === undefined) {
      clients = { addressHashes: new HashList(), agentHashes: new HashList(), addresses: [], agents: [], allLocal: true };
      this.clients.set(user, clients);
    }
    return clients;
  }
}
