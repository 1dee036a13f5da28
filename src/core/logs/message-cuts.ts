/**
 * The commonest proxy messages cut with `indexOf`, each giving exactly what its pattern would (the pattern is in
 * each doc comment): nine lines in ten that matter are one of these, and a regex match made an array and its
 * captures for every line, the parser's largest share of the garbage. Each pattern is literal text around captures
 * that cannot hold their delimiter (`[^']+`, `\S+`), so a match at a given start is unique, and trying the
 * literal's occurrences from the left finds the regex's leftmost match. The captures of the last successful cut
 * are in `cut`.
 */
export const cut = { first: '', second: '' };

/**
 * `<lead>([^']+)'`, and when `middle` is given a second capture after it: `<lead>([^']+)<middle>([^']+)'`, or with a
 * `tail` `<lead>([^']+)<middle>[^']*<tail>([^']+)'`. `middle` and `tail` start with the quote that closes what comes
 * before them, and end with the one that opens what comes after.
 */
function quoted(message: string, lead: string, middle: string | null, tail: string | null): boolean {
  for (let at = message.indexOf(lead); at !== -1; at = message.indexOf(lead, at + 1)) {
    const firstStart = at + lead.length;
    const firstEnd = message.indexOf("'", firstStart);
    if (firstEnd <= firstStart) continue;
    if (middle === null) {
      cut.first = message.slice(firstStart, firstEnd);
      return true;
    }
    if (!message.startsWith(middle, firstEnd)) continue;
    let secondStart = firstEnd + middle.length;
    if (tail !== null) {
      const skipEnd = message.indexOf("'", secondStart);
      if (skipEnd === -1 || !message.startsWith(tail, skipEnd)) continue;
      secondStart = skipEnd + tail.length;
    }
    const secondEnd = message.indexOf("'", secondStart);
    if (secondEnd <= secondStart) continue;
    cut.first = message.slice(firstStart, firstEnd);
    cut.second = message.slice(secondStart, secondEnd);
    return true;
  }
  return false;
}

/** `/Start session for user: '([^']+)'/` */
export function cutStart(message: string): boolean {
  return quoted(message, "Start session for user: '", null, null);
}

/** `/User authenticated\. User '([^']+)' used authentication method '[^']*' and got session '([^']+)'/` */
export function cutLogin(message: string): boolean {
  return quoted(message, "User authenticated. User '", "' used authentication method '", "' and got session '");
}

/** `/User '([^']+)' used '[^']*' authentication, got session: '([^']+)'/` */
export function cutGotSession(message: string): boolean {
  return quoted(message, "User '", "' used '", "' authentication, got session: '");
}

/** `/Stop session for user '([^']+)' \. Session id = '([^']+)'/` */
export function cutStop(message: string): boolean {
  return quoted(message, "Stop session for user '", "' . Session id = '", null);
}

const TIMEOUT_LEAD = 'Session ';
const TIMEOUT_TAIL = ' has been deleted due to inactivity';

/** `/Session (\S+) has been deleted due to inactivity/`: the id is the whole run of non-space after the lead. */
export function cutTimeout(message: string): boolean {
  for (let at = message.indexOf(TIMEOUT_LEAD); at !== -1; at = message.indexOf(TIMEOUT_LEAD, at + 1)) {
    const idStart = at + TIMEOUT_LEAD.length;
    let idEnd = idStart;
    while (idEnd < message.length && !isRegexSpace(message.charCodeAt(idEnd))) idEnd++;
    if (idEnd === idStart || !message.startsWith(TIMEOUT_TAIL, idEnd)) continue;
    cut.first = message.slice(idStart, idEnd);
    return true;
  }
  return false;
}

/** What `\s` matches in a JavaScript regex: the spec's WhiteSpace and LineTerminator. */
export function isRegexSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
