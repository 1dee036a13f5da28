export { createFileWatchState } from './file-watch-state.js';
export { followLogFolders } from './follow-log-folders.js';
export { createLogFolderReader } from './select-user-lines.js';
