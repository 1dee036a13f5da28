import type { LiveQlik, LiveSessionList } from '../../bot/index.js';
import { QLIK_SETTING_HINTS, type QlikConfig } from '../../config/index.js';
import { doctorFindings } from '../../core/live/index.js';
import { formatQlikUserName, parseQlikUserName } from '../../core/users/index.js';
import { allSessions } from './all-sessions.js';
import { badUser } from './bad-user.js';
import { connectQlik, notConfigured, sharedConnection, type QlikTransportDeps } from './connect-qlik.js';
import { observeSite } from './observe-site.js';
import { userAllocations } from './user-allocations.js';
import { userSessions } from './user-sessions.js';

export interface LiveQlikDeps extends QlikTransportDeps {
  readonly clock?: () => Date;
}

/** The live APIs are usable when there is a certificate folder and something to call. */
export function isLiveQlikConfigured(config: QlikConfig): boolean {
  return config.certDir !== undefined && (config.proxyUrls.length > 0 || config.repositoryUrl !== undefined);
}

/** The LiveQlik port over QPS and QRS with the client certificates of QLIK_CERT_DIR. */
export function createLiveQlik(config: QlikConfig, deps: LiveQlikDeps = {}): LiveQlik & LiveSessionList {
  const clock = deps.clock ?? (() => new Date());
  const connect = sharedConnection(() => connectQlik(config, deps));
  return {
    allSessions: () => allSessions(connect, config),

    async sessions(text) {
      const result = await userSessions(connect, config, 'GET', text);
      if (!result.ok) return result;
      const { user, sessions, errors } = result.value;
      return { ok: true, value: { user, total: sessions.length, sessions, errors } };
    },

    async endSessions(text) {
      const result = await userSessions(connect, config, 'DELETE', text);
      if (!result.ok) return result;
      const { user, sessions, errors } = result.value;
      return { ok: true, value: { user, ended: sessions.length, errors } };
    },

    async licenses(text) {
      const user = parseQlikUserName(text);
      if (user === undefined) return { ok: false, error: badUser(text) };
      if (config.repositoryUrl === undefined)
        return { ok: false, error: notConfigured(QLIK_SETTING_HINTS.repositoryUrl) };
      const connection = await connect();
      if (!connection.ok) return connection;
      const allocations = await userAllocations(connection.client, config.repositoryUrl, user);
      if (!allocations.ok)
        return { ok: false, error: { code: allocations.error.code, message: allocations.error.message } };
      return { ok: true, value: { user: formatQlikUserName(user), allocations: allocations.value } };
    },

    async doctor() {
      const connection = await connect();
      if (!connection.ok) return connection;
      return doctorFindings(await observeSite(connection.client, connection.certificates, config, clock()));
    },
  };
}
