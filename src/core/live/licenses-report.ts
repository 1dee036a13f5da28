export interface LicenseAllocation {
  /** `professional`, `analyzer`, `user` or `login`. */
  readonly type: 'professional' | 'analyzer' | 'user' | 'login';
  readonly id: string;
}

/** The `licenses --json` contract. */
export interface LicensesReport {
  readonly user: string;
  readonly allocations: readonly LicenseAllocation[];
}
