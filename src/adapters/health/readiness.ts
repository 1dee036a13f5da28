/** One thing the app needs to serve: Slack connected, the Qlik APIs reachable. */
export interface ReadinessCheck {
  readonly name: string;
  readonly check: () => Promise<ReadinessResult>;
}

export type ReadinessResult =
  { readonly ok: true; readonly detail?: string } | { readonly ok: false; readonly detail: string };

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, ReadinessResult>>;
}

/** Runs every check at once; one that throws counts as not ready, with its message. */
export async function checkReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }): Promise<[string, ReadinessResult]> => {
      try {
        return [name, await check()];
      } catch (error) {
        return [name, { ok: false, detail: error instanceof Error ? error.message : 'check failed' }];
      }
    }),
  );
  return { ready: results.every(([, result]) => result.ok), checks: Object.fromEntries(results) };
}

/** Keeps a slow check's answer for `ttlMs`, so a probe every few seconds does not call Qlik every few seconds. */
export function cachedCheck(check: ReadinessCheck, ttlMs: number, now: () => number = Date.now): ReadinessCheck {
  let last: { at: number; result: Promise<ReadinessResult> } | undefined;
  return {
    name: check.name,
    check: () => {
      const at = now();
      if (last === undefined || at - last.at >= ttlMs) last = { at, result: check.check() };
      return last.result;
    },
  };
}
