import type { LicenseAllocation } from '../../core/live/index.js';
import { sameQlikUser, type QlikUserRef } from '../../core/users/index.js';
import type { CallResult, QlikHttpClient } from './qlik-http-client.js';
import { allocationListSchema } from './qlik-schemas.js';

const ALLOCATION_PATHS: readonly { readonly type: LicenseAllocation['type']; readonly path: string }[] = [
  { type: 'professional', path: '/qrs/license/professionalaccesstype/full' },
  { type: 'analyzer', path: '/qrs/license/analyzeraccesstype/full' },
  { type: 'user', path: '/qrs/license/useraccesstype/full' },
  { type: 'login', path: '/qrs/license/loginaccessusage/full' },
];

/** The user's professional, analyzer, user and login access allocations in the repository. */
export async function userAllocations(
  client: QlikHttpClient,
  repositoryUrl: string,
  user: QlikUserRef,
): Promise<CallResult<LicenseAllocation[]>> {
  const filter = `user.userDirectory eq '${quoteFilter(user.directory)}' and user.userId eq '${quoteFilter(user.id)}'`;
  const answers = await Promise.all(
    ALLOCATION_PATHS.map(async ({ type, path }) => ({
      type,
      answer: await client.call('GET', repositoryUrl, path, allocationListSchema, { filter }),
    })),
  );
  const allocations: LicenseAllocation[] = [];
  for (const { type, answer } of answers) {
    if (!answer.ok) return answer;
    // The filter narrows the answer on the server; checked again, a server ignoring it gives no others' allocations.
    for (const row of answer.value) {
      if (row.user != null && sameQlikUser({ directory: row.user.userDirectory, id: row.user.userId }, user))
        allocations.push({ type, id: row.id });
    }
  }
  return { ok: true, value: allocations };
}

function quoteFilter(value: string): string {
  return value.replace(/'/g, "''");
}
