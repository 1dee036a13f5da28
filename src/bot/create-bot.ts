import type { KnowledgeBase } from '../core/knowledge/index.js';
import { containsQlikLogLines, isLogFileName } from '../core/logs/index.js';
import type { RichText } from '../core/text/index.js';
import { analyzePointerReply } from './analyze-pointer-reply.js';
import type { Bot } from './bot.js';
import { parseBotRequest, stripAddress } from './bot-request.js';
import { didYouMeanReply } from './did-you-mean-reply.js';
import { createEndAction, type EndingAudit } from './end-action.js';
import { errorReply } from './error-reply.js';
import { helpReply } from './help-reply.js';
import type { IncomingMessage, MessageKind } from './incoming-message.js';
import { createKnowledgeAnswers } from './knowledge-answers.js';
import { answerLiveRequest } from './live-commands.js';
import type { LiveQlik } from './live-qlik.js';
import { analyzeInProcess, type LogAnalyzer } from './log-analyzer.js';
import { createLogVerdicts } from './log-verdicts.js';
import type { BotOutcome, Reply } from './reply.js';
import type { LogFolderReader } from './watch/index.js';

export interface BotDeps {
  readonly knowledge: KnowledgeBase;
  /** `DIRECTORY\user` accounts that run the Qlik services (their denials are expected). */
  readonly serviceAccounts: readonly string[];
  /** The Qlik APIs; undefined when they are not configured, and live questions say how to configure them. */
  readonly live?: LiveQlik | undefined;
  /** Defaults to the in-process analysis; Slack injects the worker pool, which may answer busy. */
  readonly analyze?: LogAnalyzer;
  /** Who may end a user's sessions; nobody by default. */
  readonly isAdmin?: (senderId: string) => boolean;
  /** Attached files larger than this (after gunzip) are refused with advice to send an excerpt. */
  readonly maxFileBytes?: number;
  /** Told about internal failures (never message bodies), so the adapter can log them. */
  readonly reportError?: (error: unknown) => void;
  /** The Qlik Sense log folders (QLIK_LOG_DIR) for `why`; undefined when not set, and `why` says how to set it. */
  readonly logFolders?: LogFolderReader | undefined;
  /** Every request to end sessions as one audit record: who asked, whom, and how many were ended (or why not). */
  readonly auditEnding?: (level: 'info' | 'warn', audit: EndingAudit) => void;
  /** IANA zone for the timeline picture (QLIK_TIME_ZONE); UTC by default. */
  readonly timeZone?: string;
  /** How help shows the commands: `/qlik-sessions ` in Slack, nothing in the console. */
  readonly commandPrefix?: string;
  /** Lines help adds about ways in only this surface has (Slack's shortcuts, App Home). */
  readonly helpTips?: readonly RichText[];
  /** `end DIR\user` is confirmed by typing `yes` (the console); otherwise by the reply's End button (Slack). */
  readonly confirmEndByText?: boolean;
  readonly now?: () => number;
}

/** The same default as SLACK_MAX_FILE_MB. */
const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Kinds where the person addressed the bot: they always get an answer, never silence. */
const DIRECT_KINDS: ReadonlySet<MessageKind> = new Set(['command', 'mention', 'direct-message']);

const reply = (value: Reply): BotOutcome => ({ kind: 'reply', reply: value });
const quiet = (reason: string): BotOutcome => ({ kind: 'quiet', reason });

/**
 * The conversation shared by Slack and the console: a message goes in, a Reply (or a decision to stay quiet)
 * comes out. This file routes; each concern (knowledge answers, log verdicts, live commands, the End action) has its own.
 * Never throws for bad input; an internal failure on a direct request becomes a short error reply.
 */
export function createBot(deps: BotDeps): Bot {
  const isAdmin = deps.isAdmin ?? (() => false);
  const now = deps.now ?? Date.now;
  const reportError = deps.reportError ?? (() => undefined);
  const live = { live: deps.live, isAdmin };
  const knowledge = createKnowledgeAnswers(deps.knowledge);
  const verdicts = createLogVerdicts({
    ...live,
    knowledge: deps.knowledge,
    serviceAccounts: deps.serviceAccounts,
    analyze: deps.analyze ?? analyzeInProcess,
    maxFileBytes: deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    timeZone: deps.timeZone ?? 'UTC',
    logFolders: deps.logFolders,
    now,
  });
  const ending = createEndAction({
    ...live,
    audit: deps.auditEnding ?? (() => undefined),
    reportError,
    confirmByText: deps.confirmEndByText === true,
    now,
  });
  const help = {
    ...(deps.commandPrefix === undefined ? {} : { commandPrefix: deps.commandPrefix }),
    ...(deps.helpTips === undefined ? {} : { tips: deps.helpTips }),
  };

  async function direct(message: IncomingMessage): Promise<Reply> {
    const confirmed = await ending.confirmation(message);
    if (confirmed !== undefined) return confirmed;
    const request = parseBotRequest(message.text);
    switch (request.kind) {
      case 'help':
        return helpReply(help);
      case 'end':
        return ending.preview(request.user, message);
      case 'analyze':
        // In a thread, a bare "analyze" reads what the thread's earlier messages carry.
        if (request.text === '' && message.files.length === 0 && message.earlier === undefined)
          return analyzePointerReply();
        return verdicts.fromMessage(message, request.text, message.files);
      case 'kb':
        return knowledge.entry(request.id);
      case 'ask':
        return knowledge.answer(request.text);
      case 'sessions':
      case 'licenses':
      case 'doctor':
        return answerLiveRequest(request, message.senderId, live);
      case 'why':
        return verdicts.why(request);
      case 'did-you-mean':
        return didYouMeanReply(request.typed, request.suggestion);
    }
  }

  async function respond(message: IncomingMessage): Promise<BotOutcome> {
    const addressed = DIRECT_KINDS.has(message.kind);
    // Someone who addresses the bot gets an answer about any file; in a channel a screenshot is not a log to refuse.
    const files = addressed ? message.files : message.files.filter((file) => isLogFileName(file.name));
    const textHasLogs = containsQlikLogLines(message.text);
    if (textHasLogs || files.length > 0) {
      return reply(await verdicts.fromMessage(message, textHasLogs ? stripAddress(message.text) : '', files));
    }
    switch (message.kind) {
      case 'command':
      case 'mention':
      case 'direct-message':
        return reply(await direct(message));
      case 'thread-reply':
        return quiet('a thread reply without log lines or files');
      case 'channel-message': {
        const auto = knowledge.autoReply(message.text);
        return auto === null ? quiet('not about Qlik Sense sessions or access passes') : reply(auto);
      }
    }
  }

  return {
    async handle(message: IncomingMessage): Promise<BotOutcome> {
      try {
        return await respond(message);
      } catch (error) {
        // Bad input never gets here (it is data); this is a bug or a failing dependency, so the person gets a way forward.
        reportError(error);
        return DIRECT_KINDS.has(message.kind)
          ? reply(errorReply('answering'))
          : quiet('internal error on an undirected message');
      }
    },
    endSessions: (senderId, user) => ending.endSessions(senderId, user),
  };
}
