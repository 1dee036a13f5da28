import { perUserArray } from './per-user-array.js';

/** Per user: what the licence lines said (grants, allocations, denials and the highest SessionCount). */
export interface LicenceFigures {
  denied: number;
  limitDenials: number;
  noPassDenials: number;
  firstLimitDenialAt: number;
  firstNoPassDenialAt: number;
  maxSessionCount: number | null;
  firstGrantAt: number;
  allocated: boolean;
}

function earliest(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

/**
 * The licence figures of every user in typed arrays, one slot per user: no object and no boxed number per user.
 * A highest SessionCount of -1 stands for none seen.
 */
export class LicenceFold {
  private users = 0;
  private deniedCounts = new Int32Array(256);
  private limitCounts = new Int32Array(256);
  private noPassCounts = new Int32Array(256);
  private maxSessionCounts = new Float64Array(256).fill(-1);
  private allocatedFlags = new Uint8Array(256);
  private firstLimitAt = new Float64Array(256).fill(Number.NaN);
  private firstNoPassAt = new Float64Array(256).fill(Number.NaN);
  private firstGrant = new Float64Array(256).fill(Number.NaN);

  addUser(): void {
    const users = ++this.users;
    if (users <= this.deniedCounts.length) return;
    const ints = (n: number) => new Int32Array(n);
    const instants = (n: number) => new Float64Array(n).fill(Number.NaN);
    this.deniedCounts = perUserArray(this.deniedCounts, users, ints);
    this.limitCounts = perUserArray(this.limitCounts, users, ints);
    this.noPassCounts = perUserArray(this.noPassCounts, users, ints);
    this.maxSessionCounts = perUserArray(this.maxSessionCounts, users, (n) => new Float64Array(n).fill(-1));
    this.allocatedFlags = perUserArray(this.allocatedFlags, users, (n) => new Uint8Array(n));
    this.firstLimitAt = perUserArray(this.firstLimitAt, users, instants);
    this.firstNoPassAt = perUserArray(this.firstNoPassAt, users, instants);
    this.firstGrant = perUserArray(this.firstGrant, users, instants);
  }

  /** The user's figures as one object (made afresh: for the report, not for every event). */
  of(user: number): Readonly<LicenceFigures> {
    const count = this.maxSessionCounts[user] as number;
    return {
      denied: this.denied(user),
      limitDenials: this.limitDenials(user),
      noPassDenials: this.noPassCounts[user] as number,
      firstLimitDenialAt: this.firstLimitAt[user] as number,
      firstNoPassDenialAt: this.firstNoPassAt[user] as number,
      maxSessionCount: count === -1 ? null : count,
      firstGrantAt: this.firstGrant[user] as number,
      allocated: this.allocatedFlags[user] === 1,
    };
  }

  denied(user: number): number {
    return this.deniedCounts[user] as number;
  }

  limitDenials(user: number): number {
    return this.limitCounts[user] as number;
  }

  granted(user: number, at: number, sessionCount: number | null): void {
    this.firstGrant[user] = earliest(this.firstGrant[user] as number, at);
    this.sessionCount(user, sessionCount);
  }

  allocated(user: number): void {
    this.allocatedFlags[user] = 1;
  }

  deniedAt(user: number, at: number, reason: 'limit' | 'no-access-pass', sessionCount: number | null): void {
    this.deniedCounts[user] = this.denied(user) + 1;
    this.sessionCount(user, sessionCount);
    if (reason === 'limit') {
      this.limitCounts[user] = this.limitDenials(user) + 1;
      this.firstLimitAt[user] = earliest(this.firstLimitAt[user] as number, at);
    } else {
      this.noPassCounts[user] = (this.noPassCounts[user] as number) + 1;
      this.firstNoPassAt[user] = earliest(this.firstNoPassAt[user] as number, at);
    }
  }

  private sessionCount(user: number, count: number | null): void {
    if (count !== null && count > (this.maxSessionCounts[user] as number)) this.maxSessionCounts[user] = count;
  }
}
