export type { AllSessionsReport, ListedSession } from './all-sessions-report.js';
export { doctorFindings } from './doctor-findings.js';
export type {
  CertificateValidity,
  DoctorObservations,
  ProxyObservations,
  RepositoryObservations,
  RootAdminCandidates,
} from './doctor-observations.js';
export type { DoctorReport } from './doctor-report.js';
export type { EndReport } from './end-report.js';
export type { LicenseAllocation, LicensesReport } from './licenses-report.js';
export type { LiveFailure, LiveResult } from './live-result.js';
export { nodeErrorLine } from './node-error.js';
export type { NodeError } from './node-error.js';
export type { LiveSession, SessionsReport } from './sessions-report.js';
export { certificateFinding } from './certificate-finding.js';
export { virtualProxyColumn } from './virtual-proxy-label.js';
