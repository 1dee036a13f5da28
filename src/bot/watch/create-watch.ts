import { LiveCountWatch, SessionWatch, type WatchAlert } from '../../core/watch/index.js';
import type { AlertDispatcher } from './alert-dispatcher.js';
import type { LiveSessionList } from './live-session-list.js';
import type { LogFeed, WatchStateFile } from './watch-ports.js';

export interface WatchDeps {
  readonly feed?: LogFeed | undefined;
  readonly live?: LiveSessionList | undefined;
  readonly dispatcher: AlertDispatcher;
  readonly serviceAccounts: readonly string[];
  /** Between two reads of the log folders (a few seconds). */
  readonly folderPollMs: number;
  /** Between two rounds of live session lists (QLIK_WATCH_INTERVAL_SECONDS). */
  readonly liveIntervalMs: number;
  /** Keeps the users at the limit across restarts, so a restart does not announce them again. */
  readonly liveState?: WatchStateFile | undefined;
  /** Problems an admin should know (folder unreadable, node down): each said once an hour, never log text. */
  readonly onProblem: (text: string) => void;
  /** Internal failures (a sink that throws): for the log. */
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
}

export interface Watch {
  start(): void;
  /** Stops polling and waits for the round in progress (SIGTERM). */
  stop(): Promise<void>;
  /** One read of the log folders and its alerts (tests and the benchmark drive the watch with it). */
  readLogsOnce(): Promise<{ readonly alerts: readonly WatchAlert[]; readonly more: boolean }>;
  /** One round of live session lists and its alerts. */
  countLiveOnce(): Promise<readonly WatchAlert[]>;
  /** Open sessions and ids held by the log counter, for the memory bound. */
  retained(): number;
}

const PROBLEM_REPEAT_MS = 60 * 60_000;

/** The watch: the log folders and the live session lists as two sources of alerts, one dispatcher for both. */
export function createWatch(deps: WatchDeps): Watch {
  const now = deps.now ?? Date.now;
  const sessions = new SessionWatch({
    serviceAccounts: deps.serviceAccounts,
    ...(deps.feed?.historyBefore == null ? {} : { quietBefore: deps.feed.historyBefore }),
  });
  const live = new LiveCountWatch(deps.serviceAccounts);
  const saidAt = new Map<string, number>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<unknown>>();
  let stopped = true;
  let liveRestored = false;

  const problem = (text: string): void => {
    const last = saidAt.get(text);
    if (last !== undefined && now() - last < PROBLEM_REPEAT_MS) return;
    saidAt.set(text, now());
    deps.onProblem(text);
  };

  const dispatchAll = async (alerts: readonly WatchAlert[]): Promise<void> => {
    for (const alert of alerts) {
      try {
        await deps.dispatcher.dispatch(alert);
      } catch (error) {
        deps.onError(error);
      }
    }
  };

  const readLogsOnce = async (): Promise<{ alerts: WatchAlert[]; more: boolean }> => {
    if (deps.feed === undefined) return { alerts: [], more: false };
    const batch = await deps.feed.read();
    for (const text of batch.problems) problem(text);
    for (const { event, node } of batch.events) sessions.add(event, node);
    const alerts = sessions.settle();
    await dispatchAll(alerts);
    return { alerts, more: batch.more };
  };

  const countLiveOnce = async (): Promise<WatchAlert[]> => {
    if (deps.live === undefined) return [];
    if (!liveRestored && deps.liveState !== undefined) {
      liveRestored = true;
      const saved = await deps.liveState.load();
      if (saved !== undefined) {
        try {
          live.restore(JSON.parse(saved) as Record<string, number>);
        } catch {
          // A damaged snapshot: users at the limit are announced again once, nothing worse.
        }
      }
    }
    const result = await deps.live.allSessions();
    if (!result.ok) {
      problem(`The live session count failed: ${result.error.message}`);
      return [];
    }
    for (const error of result.value.errors) {
      problem(
        `Proxy node ${error.proxy}${error.virtualProxy === '' ? '' : ` (virtual proxy ${error.virtualProxy})`} did not answer; the others still count: ${error.message}`,
      );
    }
    const alerts = live.update({ at: now(), sessions: result.value.sessions, partial: result.value.errors.length > 0 });
    if (alerts.length > 0) await deps.liveState?.save(JSON.stringify(live.snapshot()));
    await dispatchAll(alerts);
    return alerts;
  };

  const loop = (every: number, once: () => Promise<{ more: boolean }>): void => {
    const run = (): void => {
      if (stopped) return;
      const round = once().then(
        (result) => result.more,
        (error: unknown) => {
          deps.onError(error);
          return false;
        },
      );
      running.add(round);
      void round.then((more) => {
        running.delete(round);
        if (stopped) return;
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            run();
          },
          more ? 0 : every,
        );
        timers.add(timer);
      });
    };
    run();
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      if (deps.feed !== undefined) loop(deps.folderPollMs, readLogsOnce);
      if (deps.live !== undefined)
        loop(deps.liveIntervalMs, async () => {
          await countLiveOnce();
          return { more: false };
        });
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
    readLogsOnce,
    countLiveOnce,
    retained: () => sessions.retained,
  };
}
