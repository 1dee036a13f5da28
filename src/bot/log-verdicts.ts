import type { KnowledgeBase } from '../core/knowledge/index.js';
import { isLogFileName } from '../core/logs/index.js';
import { isQlikUserName } from '../core/users/index.js';
import { DEFAULT_SINCE_MS, parseSince } from '../core/watch/index.js';
import { analysisUnavailableReply } from './analysis-unavailable-reply.js';
import { analyzePointerReply } from './analyze-pointer-reply.js';
import type { BotRequest } from './bot-request.js';
import { entryReference } from './entry-reply.js';
import { fileProblemReply } from './file-problem-reply.js';
import { guardedInputs, guardFile, type FileProblem, type GuardedSource } from './guarded-file.js';
import type { AttachedFile, IncomingMessage } from './incoming-message.js';
import { withLiveCount, type LiveCountDeps } from './live-count-section.js';
import type { LogAnalyzer } from './log-analyzer.js';
import type { EntryReference, Reply } from './reply.js';
import { simpleReply } from './simple-reply.js';
import { threadCaveats, threadInputs } from './thread-inputs.js';
import { userArgumentReply } from './user-argument-reply.js';
import { withVerdictAttachments } from './verdict-attachments.js';
import { verdictReply } from './verdict-reply.js';
import { whyFromLogs, whyReply, whySetupReply, type LogFolderReader } from './watch/index.js';
import { withFeedback } from './with-feedback.js';

export interface LogVerdictDeps extends LiveCountDeps {
  readonly knowledge: KnowledgeBase;
  readonly serviceAccounts: readonly string[];
  readonly analyze: LogAnalyzer;
  readonly maxFileBytes: number;
  readonly timeZone: string;
  readonly logFolders: LogFolderReader | undefined;
  readonly now: () => number;
}

/** Verdicts from Qlik Sense log lines: pasted or attached (with the thread's earlier ones), or read by `why`. */
export interface LogVerdicts {
  /**
   * `text` is analysed along with the files when it is not empty; callers pass '' for chat around an attachment.
   * In a thread, the pastes and files of its earlier messages are analysed too, within the size cap.
   */
  fromMessage(message: IncomingMessage, text: string, attached: readonly AttachedFile[]): Promise<Reply>;
  /** `why DIR\user [since]`: the verdict for one user from the log folders (QLIK_LOG_DIR). */
  why(request: Extract<BotRequest, { kind: 'why' }>): Promise<Reply>;
}

export function createLogVerdicts(deps: LogVerdictDeps): LogVerdicts {
  const { maxFileBytes } = deps;
  const describeEntry = (id: string): EntryReference | undefined => {
    const entry = deps.knowledge.get(id);
    return entry === undefined ? undefined : entryReference(entry);
  };

  return {
    async fromMessage(message, text, attached) {
      const files = attached.map((file) => guardFile(file, maxFileBytes));
      const own: GuardedSource[] = [...(text.trim() === '' ? [] : [{ name: 'message', chunks: [text] }]), ...files];
      const ownBytes = Buffer.byteLength(text) + attached.reduce((sum, file) => sum + (file.size ?? 0), 0);
      const thread = await threadInputs(message.earlier, maxFileBytes - ownBytes, maxFileBytes, isLogFileName);
      if (own.length === 0 && thread.inputs.length === 0) return analyzePointerReply();
      const inputs = guardedInputs([...thread.inputs, ...own]);
      const outcome = await deps.analyze(inputs, { serviceAccounts: deps.serviceAccounts });
      if (!outcome.ok) return analysisUnavailableReply(outcome.error);
      const report = outcome.report;
      const problems = files
        .map((file) => file.problem())
        .filter((problem): problem is FileProblem => problem !== null);
      if (problems.length > 0) return fileProblemReply(problems);
      const reply = verdictReply(report, describeEntry);
      const caveats = [...reply.caveats, ...threadCaveats(thread, maxFileBytes)];
      const withButtons = withFeedback({ ...reply, caveats }, report.verdict.code);
      const verdict = withVerdictAttachments(withButtons, report, deps.timeZone);
      return report.verdict.user === null
        ? verdict
        : withLiveCount(verdict, report.verdict.user, message.senderId, deps);
    },

    async why(request) {
      if (request.user === null || !isQlikUserName(request.user)) return userArgumentReply('why', request.user);
      if (deps.logFolders === undefined) return whySetupReply();
      const since = request.since === null ? { ok: true as const, ms: DEFAULT_SINCE_MS } : parseSince(request.since);
      if (!since.ok) return simpleReply('error', since.error);
      const options = { now: deps.now(), serviceAccounts: deps.serviceAccounts };
      const outcome = await whyFromLogs(deps.logFolders, deps.analyze, request.user, since.ms, options);
      if (!outcome.ok) return analysisUnavailableReply(outcome.error);
      return withFeedback(whyReply(outcome.result, describeEntry), outcome.result.report.verdict.code);
    },
  };
}
