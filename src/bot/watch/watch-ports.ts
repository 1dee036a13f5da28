import type { LogEvent, LogInput } from '../../core/logs/index.js';

/** A log event and the node (the host in the file name) whose log said it. */
export interface NodeEvent {
  readonly event: LogEvent;
  readonly node: string;
}

/** What one read of the log folders brought. */
export interface FollowBatch {
  /** The new lines' events, oldest first. */
  readonly events: readonly NodeEvent[];
  /** Things an admin should know (a folder missing, a rolled-over file whose archive was not found); no log text. */
  readonly problems: readonly string[];
  /** More is waiting (a backlog read in slices): read again soon. */
  readonly more: boolean;
}

/** The log folders followed as new lines arrive; the read positions are kept by the feed itself. */
export interface LogFeed {
  /** Instant before which the first start's backlog lies: its events build the counts but raise no alert. */
  readonly historyBefore: number | null;
  read(): Promise<FollowBatch>;
}

/** Where a user's lines of the last hours are, for `why`. */
export interface UserLogSelection {
  readonly inputs: readonly LogInput[];
  readonly filesRead: number;
  /** Files left out by their name or time stamp: their time span does not overlap. */
  readonly filesSkipped: number;
  readonly problems: readonly string[];
}

/** The log folders read for one user and time span. */
export interface LogFolderReader {
  readonly folders: readonly string[];
  userLines(user: string, from: number, to: number): Promise<UserLogSelection>;
}

/** A small document the watch keeps across restarts (read positions, counts last told), in a file or the StateStore. */
export interface WatchStateFile {
  load(): Promise<string | undefined>;
  save(value: string): Promise<void>;
}
