import type { LicenseAllocation } from './licenses-report.js';
import type { LiveResult } from './live-result.js';

/** The client certificate's validity, as read from client.pem. */
export interface CertificateValidity {
  readonly path: string;
  readonly validFrom: Date;
  readonly validTo: Date;
}

/** One kind of access pass in the repository's licence overview; absent numbers were not in the answer. */
export interface AccessPassSummary {
  readonly enabled?: boolean | undefined;
  readonly total?: number | undefined;
  readonly available?: number | undefined;
}

export type AccessPassKind = 'professional' | 'analyzer' | 'user' | 'login';

export type AccessPassOverview = Readonly<Partial<Record<AccessPassKind, AccessPassSummary | null | undefined>>>;

/** The RootAdmins (at most the first 50) and those of them that hold a licence, as `DIR\user (types)`. */
export interface RootAdminCandidates {
  readonly admins: number;
  readonly licensed: readonly string[];
}

export interface RepositoryObservations {
  readonly overview: LiveResult<AccessPassOverview>;
  /** Each configured service account (as configured) with its allocations. */
  readonly serviceAccounts: readonly {
    readonly account: string;
    readonly allocations: LiveResult<readonly LicenseAllocation[]>;
  }[];
  /** Asked only when no service account is configured. */
  readonly rootAdmins?: LiveResult<RootAdminCandidates>;
}

/** One node and virtual proxy asked for the API user's own sessions. */
export interface ProxyProbe {
  readonly proxy: string;
  readonly virtualProxy: string;
  /** `ok` when it answered; a 404 for a discovered prefix counts as answered (the prefix need not be on every node). */
  readonly answer: LiveResult<null>;
}

export interface ProxyObservations {
  readonly nodes: number;
  /** The prefixes asked; the default proxy only when they could not be known (`virtualProxies` says why). */
  readonly prefixes: readonly string[];
  readonly virtualProxies: LiveResult<{ readonly discovered: boolean }>;
  readonly probes: readonly ProxyProbe[];
}

/** What the Qlik APIs answered to doctor's questions; undefined parts were not configured and not asked. */
export interface DoctorObservations {
  readonly now: Date;
  readonly certificate: CertificateValidity;
  readonly tlsInsecure: boolean;
  readonly repository?: RepositoryObservations;
  readonly proxies?: ProxyObservations;
}
