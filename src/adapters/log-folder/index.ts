export { createFileWatchState } from './file-watch-state.js';
export type { FileWatchState } from './file-watch-state.js';
export { followLogFolders } from './follow-log-folders.js';
export type { FollowOptions } from './follow-log-folders.js';
export { listLogFiles } from './list-log-files.js';
export type { ListResult, LogFile } from './list-log-files.js';
export { FOLLOWED_LAYOUTS, parseLogFileName } from './log-file-name.js';
export type { FollowedLayout, LogFileName } from './log-file-name.js';
export { createLogFolderReader, filesOverlapping } from './select-user-lines.js';
