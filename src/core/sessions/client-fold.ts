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

/** FNV-1a over the UTF-16 code units: distinct clients are counted by hash, never kept as strings. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

interface Clients {
  readonly addressHashes: Set<number>;
  readonly agentHashes: Set<number>;
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
    if (clients.addressHashes.size >= MAX_CLIENTS_COUNTED) return;
    const hash = hashOf(address);
    if (clients.addressHashes.has(hash)) return;
    clients.addressHashes.add(hash);
    if (clients.allLocal && !isLocalAddress(address)) clients.allLocal = false;
    if (clients.addresses.length < SHOWN) clients.addresses.push(copyString(address));
  }

  userAgent(user: number, agent: string): void {
    const clients = this.of(user);
    if (clients.agentHashes.size >= MAX_CLIENTS_COUNTED) return;
    const hash = hashOf(agent);
    if (clients.agentHashes.has(hash)) return;
    clients.agentHashes.add(hash);
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
      clients = { addressHashes: new Set(), agentHashes: new Set(), addresses: [], agents: [], allLocal: true };
      this.clients.set(user, clients);
    }
    return clients;
  }
}
