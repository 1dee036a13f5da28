export interface DoctorFinding {
  readonly code: string;
  readonly severity: 'problem' | 'warning' | 'info';
  readonly user: string | null;
  readonly detail: string;
}

/** The `doctor --json` contract. */
export interface DoctorReport {
  readonly findings: readonly DoctorFinding[];
}
