/** A line opens or closes a ``` fence when it holds an odd number of them. */
export function togglesFence(line: string): boolean {
  return (line.split('```').length - 1) % 2 === 1;
}

export interface LineGrouper {
  /** Feeds one line; returns the messages it completed. */
  push(line: string): string[];
  /** End of input: the message still open, if any. */
  end(): string[];
}

type Pending = { readonly kind: 'text' | 'logs' | 'fence'; readonly lines: string[] } | null;

/**
 * Piped input as messages: each line is one, except that consecutive log lines, with the text line just before
 * them, form one message, and so do the lines between ``` fences (the shape a paste copied from Slack has).
 */
export function createLineGrouper(isLogLine: (line: string) => boolean): LineGrouper {
  let pending: Pending = null;

  const flush = (): string[] => {
    const done = pending === null ? [] : [pending.lines.join('\n')];
    pending = null;
    return done;
  };

  return {
    push(line: string): string[] {
      if (pending?.kind === 'fence') {
        pending.lines.push(line);
        return togglesFence(line) ? flush() : [];
      }
      if (togglesFence(line)) {
        // The question just before a fenced paste belongs to it; an earlier paste does not.
        const done = pending?.kind === 'text' ? [] : flush();
        pending = { kind: 'fence', lines: [...(pending?.lines ?? []), line] };
        return done;
      }
      if (line.trim() === '') return [];
      if (isLogLine(line)) {
        if (pending === null) pending = { kind: 'logs', lines: [line] };
        else pending = { kind: 'logs', lines: [...pending.lines, line] };
        return [];
      }
      const done = flush();
      pending = { kind: 'text', lines: [line] };
      return done;
    },
    end: flush,
  };
}
