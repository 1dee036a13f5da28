import type { RichText } from '../../bot/index.js';
import { SHORTCUT_NAMES } from './shortcut-names.js';

/** Help in Slack names the ways in that only Slack has. */
export const SLACK_HELP_TIPS: readonly RichText[] = [
  `In a thread, where slash commands do not work: the message shortcut "${SHORTCUT_NAMES.analyzeMessage}" (in the ⋯ menu of any message) analyses that message and its files and answers in its thread.`,
  `The "${SHORTCUT_NAMES.analyzeForm}" shortcut and /qlik-sessions analyze open a form for log files (.txt, .log, .gz, .zip) or pasted lines; the verdict comes privately or in a channel you pick.`,
  'My App Home tab lists the knowledge entries; admins also see the Qlik API status, recent alerts and feedback counts.',
];

/** Commands as they are typed in Slack. */
export const SLACK_COMMAND_PREFIX = '/qlik-sessions ';
