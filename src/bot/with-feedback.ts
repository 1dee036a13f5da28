import type { Reply } from './reply.js';

/** A feedback button on answers and verdicts, unless the reply already has one. */
export function withFeedback(value: Reply, topic: string): Reply {
  if (value.actions.some((action) => action.kind === 'feedback')) return value;
  return { ...value, actions: [...value.actions, { kind: 'feedback', topic }] };
}
