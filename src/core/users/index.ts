export {
  formatQlikUserName,
  isQlikUserName,
  parseQlikUserName,
  QLIK_USER_NAME,
  sameQlikUser,
} from './qlik-user-name.js';
export type { QlikUserRef } from './qlik-user-name.js';
