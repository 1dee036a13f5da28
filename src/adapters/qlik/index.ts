export { createLiveQlik, isLiveQlikConfigured, virtualProxyLabel } from './create-live-qlik.js';
export type { LiveQlikDeps, QlikLogger } from './create-live-qlik.js';
export { checkCertificateExpiry, EXPIRY_WARNING_DAYS } from './certificate-expiry.js';
export { CERTIFICATE_FILES, loadClientCertificates } from './client-certificates.js';
export type { CertificatesResult, ClientCertificates, TextFileReader } from './client-certificates.js';
export { createQlikHttpClient } from './qlik-http-client.js';
export type { CallResult, HttpMethod, QlikFetch, QlikHttpClient, QlikHttpClientOptions } from './qlik-http-client.js';
export { formatQlikUserName, parseQlikUserName, qlikUserHeader, sameQlikUser } from './qlik-user-name.js';
export { createXrfkey } from './xrfkey.js';
