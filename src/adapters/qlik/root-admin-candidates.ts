import type { RootAdminCandidates } from '../../core/live/index.js';
import { formatQlikUserName } from '../../core/users/index.js';
import type { CallResult, QlikHttpClient } from './qlik-http-client.js';
import { userListSchema } from './qlik-schemas.js';
import { userAllocations } from './user-allocations.js';

const MAX_ROOT_ADMINS = 50;

/** Without QLIK_SERVICE_ACCOUNTS: the RootAdmins that hold a licence, since the service account is a RootAdmin. */
export async function rootAdminCandidates(
  client: QlikHttpClient,
  repositoryUrl: string,
): Promise<CallResult<RootAdminCandidates>> {
  const admins = await client.call('GET', repositoryUrl, '/qrs/user/full', userListSchema, {
    filter: "roles eq 'RootAdmin'",
  });
  if (!admins.ok) return admins;
  // The filter narrows the answer on the server; the roles are checked again here.
  const rootAdmins = admins.value.filter((user) => (user.roles ?? []).includes('RootAdmin')).slice(0, MAX_ROOT_ADMINS);
  const licensed: string[] = [];
  for (const admin of rootAdmins) {
    const ref = { directory: admin.userDirectory, id: admin.userId };
    const allocations = await userAllocations(client, repositoryUrl, ref);
    if (!allocations.ok) return allocations;
    const types = [...new Set(allocations.value.map((allocation) => allocation.type))];
    if (types.length > 0) licensed.push(`${formatQlikUserName(ref)} (${types.join(', ')})`);
  }
  return { ok: true, value: { admins: rootAdmins.length, licensed } };
}
