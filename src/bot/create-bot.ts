import { didYouMean, type KnowledgeBase } from '../core/knowledge/index.js';
import { isQlikUserName } from '../core/users/index.js';
import { containsQlikLogLines, isLogFileName } from '../core/logs/index.js';
import { SESSION_LIMIT } from '../core/verdict/index.js';
import { analysisUnavailableReply } from './analysis-unavailable-reply.js';
import type { Bot } from './bot.js';
import { parseBotRequest, stripAddress, type BotRequest } from './bot-request.js';
import { doctorReply } from './doctor-reply.js';
import { endSessionsReply } from './end-sessions-reply.js';
import { entryReference, entryReply } from './entry-reply.js';
import { errorReply } from './error-reply.js';
import { fileProblemReply } from './file-problem-reply.js';
import { guardedInputs, guardFile, type FileProblem, type GuardedSource } from './guarded-file.js';
import { helpReply } from './help-reply.js';
import type { AttachedFile, IncomingMessage, MessageKind } from './incoming-message.js';
import { licensesReply } from './licenses-reply.js';
import { analyzeInProcess, type LogAnalyzer } from './log-analyzer.js';
import { autoReplyFor } from './auto-reply.js';
import { answersConfidently, decideChannelMessage, matchMessage } from './decide-message.js';
import { maybeReply } from './maybe-reply.js';
import { liveFailureReply } from './live-failure-reply.js';
import type { LiveQlik } from './live-qlik.js';
import { liveSetupReply } from './live-setup-reply.js';
import { pointerReply } from './pointer-reply.js';
import type { BotOutcome, EntryReference, Reply, ReplyAction, ReplySection } from './reply.js';
import { code, type RichText } from '../core/text/index.js';
import { endPreviewReply } from './end-preview-reply.js';
import { nodeErrorCaveats, sessionsReply } from './sessions-reply.js';
import { withVerdictAttachments } from './verdict-attachments.js';
import { simpleReply } from './simple-reply.js';
import { threadCaveats, threadInputs } from './thread-inputs.js';
import { userArgumentReply } from './user-argument-reply.js';
import { verdictReply } from './verdict-reply.js';
import { DEFAULT_SINCE_MS, parseSince } from '../core/watch/index.js';
import { whyFromLogs, whyReply, whySetupReply, type LogFolderReader } from './watch/index.js';

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

/** A typed `yes` ends the sessions only this soon after the count was shown. */
const END_CONFIRMATION_MS = 5 * 60 * 1000;

/** The same default as SLACK_MAX_FILE_MB. */
const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** One request to end sessions, as fields (snake_case, as in the log lines): who asked, whom, how many. */
export interface EndingAudit {
  readonly event: 'end-sessions' | 'end-sessions refused' | 'end-sessions failed';
  readonly requested_by: string;
  /** As clicked or typed; a forged value stays one JSON string, so it cannot write a line of its own. */
  readonly user: string;
  readonly ended?: number;
  readonly failed_nodes?: number;
  readonly reason?: 'not-admin' | 'not-a-user-name';
  readonly code?: string;
}

/** Kinds where the person addressed the bot: they always get an answer, never silence. */
const DIRECT_KINDS: ReadonlySet<MessageKind> = new Set(['command', 'mention', 'direct-message']);

const reply = (value: Reply): BotOutcome => ({ kind: 'reply', reply: value });
const quiet = (reason: string): BotOutcome => ({ kind: 'quiet', reason });

/** A feedback button on answers and verdicts, unless the reply already has one. */
function withFeedback(value: Reply, topic: string): Reply {
  if (value.actions.some((action) => action.kind === 'feedback')) return value;
  return { ...value, actions: [...value.actions, { kind: 'feedback', topic }] };
}

/**
 * The conversation shared by Slack and the console: a message goes in, a Reply (or a decision to stay quiet)
 * comes out. Never throws for bad input; an internal failure on a direct request becomes a short error reply.
 */
export function createBot(deps: BotDeps): Bot {
  const analyze = deps.analyze ?? analyzeInProcess;
  const isAdmin = deps.isAdmin ?? (() => false);
  const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const now = deps.now ?? Date.now;
  /** Ends waiting for a typed `yes`, per sender and conversation (the console); taken once. */
  const pendingEnds = new Map<string, { readonly user: string; readonly at: number }>();
  const conversation = (message: IncomingMessage) => `${message.senderId}\u0000${message.channelId}`;

  const describeEntry = (id: string): EntryReference | undefined => {
    const entry = deps.knowledge.get(id);
    return entry === undefined ? undefined : entryReference(entry);
  };

  async function liveCountSection(value: Reply, user: string, senderId: string): Promise<Reply> {
    if (deps.live === undefined) return value;
    const live = await deps.live.sessions(user);
    if (!live.ok) return { ...value, caveats: [...value.caveats, `The live session count of ${user} is not available: ${live.error.message}`] };
    const count = live.value.total;
    const partial = live.value.errors.length > 0 ? ' on the nodes that answered' : '';
    const actions: ReplyAction[] =
      isAdmin(senderId) && count > 0 ? [...value.actions, { kind: 'end-sessions', user, liveSessions: count }] : [...value.actions];
    return {
      ...value,
      sections: [
        ...value.sections,
        { title: 'Right now', paragraphs: [`${user} has ${count} live session${count === 1 ? '' : 's'}${partial} (the limit is ${SESSION_LIMIT}).`], steps: [] },
      ],
      // A partial count names the nodes that are missing from it, as the sessions command does.
      caveats: [...value.caveats, ...nodeErrorCaveats(live.value.errors)],
      actions,
    };
  }

  /**
   * `text` is analysed along with the files when it is not empty; callers pass '' for chat around an attachment.
   * In a thread, the pastes and files of its earlier messages are analysed too, within the size cap.
   */
  async function verdictFor(message: IncomingMessage, text: string, attached: readonly AttachedFile[]): Promise<Reply> {
    const files = attached.map((file) => guardFile(file, maxFileBytes));
    const own: GuardedSource[] = [...(text.trim() === '' ? [] : [{ name: 'message', chunks: [text] }]), ...files];
    const ownBytes = Buffer.byteLength(text) + attached.reduce((sum, file) => sum + (file.size ?? 0), 0);
    const thread = await threadInputs(message.earlier, maxFileBytes - ownBytes, maxFileBytes, isLogFileName);
    if (own.length === 0 && thread.inputs.length === 0) return analyzePointer();
    const outcome = await analyze(guardedInputs([...thread.inputs, ...own]), { serviceAccounts: deps.serviceAccounts });
    if (!outcome.ok) return analysisUnavailableReply(outcome.error);
    const report = outcome.report;
    const problems = files.map((file) => file.problem()).filter((problem): problem is FileProblem => problem !== null);
    if (problems.length > 0) return fileProblemReply(problems);
    const reply = verdictReply(report, describeEntry);
    const caveats = [...reply.caveats, ...threadCaveats(thread, maxFileBytes)];
    const verdict = withVerdictAttachments(withFeedback({ ...reply, caveats }, report.verdict.code), report, deps.timeZone ?? 'UTC');
    return report.verdict.user === null ? verdict : liveCountSection(verdict, report.verdict.user, message.senderId);
  }

  function analyzePointer(): Reply {
    return simpleReply(
      'pointer',
      'Paste the Qlik Sense log lines after "analyze" (a ``` block is fine), or attach the log files; "help" says which files to take.',
    );
  }

  /** A question: the best entry, the other matches named; off-topic text gets the pointer to help. */
  function answer(text: string): Reply {
    const result = matchMessage(deps.knowledge, text);
    const [best, ...related] = result.matches;
    const entry = best === undefined ? undefined : deps.knowledge.get(best.id);
    if (entry === undefined || best === undefined) return pointerReply();
    // A weak fit is offered, not asserted: a confident wrong answer costs an admin more than a question back.
    if (!answersConfidently(result)) return maybeReply(result.matches);
    const main = entryReply(entry);
    // The entry's own Related line already names its neighbours; list only the other matches.
    const others = related.filter((match) => !entry.related.includes(match.id));
    const sections =
      others.length === 0
        ? main.sections
        : [...main.sections, { title: 'Also matching your question', paragraphs: others.map((match) => [`${match.title}: `, code(`kb ${match.id}`)]), steps: [] }];
    return withFeedback({ ...main, sections }, entry.id);
  }

  function autoReply(text: string): Reply | null {
    const decision = decideChannelMessage(deps.knowledge, text);
    const auto = decision.kind === 'entry' ? autoReplyFor(deps.knowledge, decision.match) : null;
    return auto === null ? null : withFeedback(auto, auto.entries[0]?.id ?? 'knowledge');
  }

  async function live(request: Extract<BotRequest, { kind: 'sessions' | 'licenses' | 'doctor' }>, senderId: string): Promise<Reply> {
    if (deps.live === undefined) return liveSetupReply();
    switch (request.kind) {
      case 'sessions': {
        if (request.user === null || !isQlikUserName(request.user)) return userArgumentReply('sessions', request.user);
        const result = await deps.live.sessions(request.user);
        return result.ok ? sessionsReply(result.value, isAdmin(senderId)) : liveFailureReply(`count the sessions of ${request.user}`, result.error);
      }
      case 'licenses': {
        if (request.user === null || !isQlikUserName(request.user)) return userArgumentReply('licenses', request.user);
        const result = await deps.live.licenses(request.user);
        return result.ok ? licensesReply(result.value) : liveFailureReply(`read the licences of ${request.user}`, result.error);
      }
      case 'doctor': {
        const result = await deps.live.doctor();
        return result.ok ? doctorReply(result.value) : liveFailureReply('check the site', result.error);
      }
    }
  }

  function knowledgeEntry(id: string | null): Reply {
    if (id !== null) {
      const entry = deps.knowledge.get(id);
      if (entry !== undefined) return withFeedback(entryReply(entry), entry.id);
    }
    const headline = id === null ? 'The knowledge entries:' : `There is no entry "${id}". The knowledge entries:`;
    const meant = id === null ? undefined : didYouMean(id, deps.knowledge.entries.map((entry) => entry.id));
    const guess: ReplySection[] = meant === undefined ? [] : [{ title: null, paragraphs: [['Did you mean ', code(`kb ${meant}`), '?']], steps: [] }];
    return simpleReply('answer', headline, [
      ...guess,
      { title: null, paragraphs: deps.knowledge.entries.map((entry) => [code(`kb ${entry.id}`), `: ${entry.title}`]), steps: [] },
    ]);
  }

  async function why(request: Extract<BotRequest, { kind: 'why' }>): Promise<Reply> {
    if (request.user === null || !isQlikUserName(request.user)) return userArgumentReply('why', request.user);
    if (deps.logFolders === undefined) return whySetupReply();
    const since = request.since === null ? { ok: true as const, ms: DEFAULT_SINCE_MS } : parseSince(request.since);
    if (!since.ok) return simpleReply('error', since.error);
    const outcome = await whyFromLogs(deps.logFolders, analyze, request.user, since.ms, { now: (deps.now ?? Date.now)(), serviceAccounts: deps.serviceAccounts });
    if (!outcome.ok) return analysisUnavailableReply(outcome.error);
    return withFeedback(whyReply(outcome.result, describeEntry), outcome.result.report.verdict.code);
  }

  /** `end DIR\user`: admins, in a direct conversation, see the live count and what will end; the end waits for a confirmation. */
  async function endPreview(user: string | null, message: IncomingMessage): Promise<Reply> {
    const audit = deps.auditEnding ?? (() => undefined);
    if (!isAdmin(message.senderId)) {
      audit('warn', { event: 'end-sessions refused', requested_by: message.senderId, user: user ?? '', reason: 'not-admin' });
      return simpleReply('error', 'Only the people listed in QLIK_ADMINS can end sessions. Ask a Qlik administrator, or end them in the QMC.');
    }
    if (message.kind !== 'direct-message') {
      return simpleReply('pointer', 'Ending sessions is done in a direct message to me, so the confirmation stays between us: send me "end DOMAIN\\user" there.');
    }
    if (deps.live === undefined) return liveSetupReply();
    if (user === null || !isQlikUserName(user)) return userArgumentReply('end', user);
    const live = await deps.live.sessions(user);
    if (!live.ok) return liveFailureReply(`count the sessions of ${user}`, live.error);
    const byText = deps.confirmEndByText === true && live.value.total > 0;
    if (byText) pendingEnds.set(conversation(message), { user, at: now() });
    return endPreviewReply(live.value, byText ? 'type-yes' : 'button');
  }

  /** A typed `yes` (or `no`) right after an end preview in the same conversation; undefined when none is waiting. */
  async function confirmation(message: IncomingMessage): Promise<Reply | undefined> {
    const key = conversation(message);
    const pending = pendingEnds.get(key);
    if (pending === undefined) return undefined;
    // Whatever comes next settles it: a confirmation is never carried out twice, nor long after the count was shown.
    pendingEnds.delete(key);
    const answer = stripAddress(message.text).toLowerCase();
    const fresh = now() - pending.at <= END_CONFIRMATION_MS;
    if (/^(yes|y)$/.test(answer)) {
      if (!fresh) return simpleReply('pointer', `That confirmation came too late, so nothing was ended. Send "end ${pending.user}" again to see the current count.`);
      return bot.endSessions(message.senderId, pending.user);
    }
    if (/^(no|n|cancel)$/.test(answer)) return simpleReply('live', `Nothing was ended; ${pending.user}'s sessions stay open.`);
    return undefined;
  }

  async function direct(message: IncomingMessage): Promise<Reply> {
    const confirmed = await confirmation(message);
    if (confirmed !== undefined) return confirmed;
    const request = parseBotRequest(message.text);
    switch (request.kind) {
      case 'help':
        return helpReply({ ...(deps.commandPrefix === undefined ? {} : { commandPrefix: deps.commandPrefix }), ...(deps.helpTips === undefined ? {} : { tips: deps.helpTips }) });
      case 'end':
        return endPreview(request.user, message);
      case 'analyze':
        // In a thread, a bare "analyze" reads what the thread's earlier messages carry.
        if (request.text === '' && message.files.length === 0 && message.earlier === undefined) return analyzePointer();
        return verdictFor(message, request.text, message.files);
      case 'kb':
        return knowledgeEntry(request.id);
      case 'ask':
        return answer(request.text);
      case 'sessions':
      case 'licenses':
      case 'doctor':
        return live(request, message.senderId);
      case 'why':
        return why(request);
      case 'did-you-mean':
        return simpleReply('pointer', `There is no command "${request.typed}".`, [
          { title: null, paragraphs: [['Did you mean ', code(request.suggestion), '? Type it that way, or "help" for the commands.']], steps: [] },
        ]);
    }
  }

  async function respond(message: IncomingMessage): Promise<BotOutcome> {
    const addressed = DIRECT_KINDS.has(message.kind);
    // Someone who addresses the bot gets an answer about any file; in a channel a screenshot is not a log to refuse.
    const files = addressed ? message.files : message.files.filter((file) => isLogFileName(file.name));
    const textHasLogs = containsQlikLogLines(message.text);
    if (textHasLogs || files.length > 0) return reply(await verdictFor(message, textHasLogs ? stripAddress(message.text) : '', files));
    switch (message.kind) {
      case 'command':
      case 'mention':
      case 'direct-message':
        return reply(await direct(message));
      case 'thread-reply':
        return quiet('a thread reply without log lines or files');
      case 'channel-message': {
        const auto = autoReply(message.text);
        return auto === null ? quiet('not about Qlik Sense sessions or access passes') : reply(auto);
      }
    }
  }

  const bot: Bot = {
    async handle(message: IncomingMessage): Promise<BotOutcome> {
      try {
        return await respond(message);
      } catch (error) {
        // Bad input never gets here (it is data); this is a bug or a failing dependency, so the person gets a way forward.
        deps.reportError?.(error);
        return DIRECT_KINDS.has(message.kind) ? reply(errorReply('answering')) : quiet('internal error on an undirected message');
      }
    },

    async endSessions(senderId: string, user: string): Promise<Reply> {
      const audit = deps.auditEnding ?? (() => undefined);
      try {
        if (!isAdmin(senderId)) {
          audit('warn', { event: 'end-sessions refused', requested_by: senderId, user, reason: 'not-admin' });
          return simpleReply('error', 'Only the people listed in QLIK_ADMINS can end sessions. Ask a Qlik administrator, or end them in the QMC.');
        }
        if (deps.live === undefined) return liveSetupReply();
        if (!isQlikUserName(user)) {
          audit('warn', { event: 'end-sessions refused', requested_by: senderId, user, reason: 'not-a-user-name' });
          return simpleReply('error', `${JSON.stringify(user)} is not a Qlik user name (DIRECTORY\\user), so nothing was ended. Run the analysis or the sessions command again.`);
        }
        const result = await deps.live.endSessions(user);
        if (!result.ok) {
          audit('warn', { event: 'end-sessions failed', requested_by: senderId, user, code: result.error.code });
          return liveFailureReply(`end the sessions of ${user}`, result.error);
        }
        audit('info', { event: 'end-sessions', requested_by: senderId, user, ended: result.value.ended, failed_nodes: result.value.errors.length });
        return endSessionsReply(result.value);
      } catch (error) {
        deps.reportError?.(error);
        return errorReply(`ending the sessions of ${user}`);
      }
    },
  };
  return bot;
}
