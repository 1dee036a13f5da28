export type { Bot } from './bot.js';
export type { AttachedFile, IncomingMessage, MessageKind } from './incoming-message.js';
export type { BotOutcome, EntryReference, FactsTable, Link, Reply, ReplyAction, ReplySection, ReplyTone } from './reply.js';
export { code, escapeMrkdwn, link, strong, toMrkdwn, toPlainText } from './rich-text.js';
export type { RichText, Span } from './rich-text.js';
export type {
  DoctorFinding,
  DoctorReport,
  EndReport,
  LicenseAllocation,
  LicensesReport,
  LiveFailure,
  LiveQlik,
  LiveResult,
  LiveSession,
  NodeError,
  SessionsReport,
} from './live-qlik.js';
export { verdictReply } from './verdict-reply.js';
