// mulberry32: deterministic, so every run writes the same data, and with 32 random bits per draw, so session ids
// never collide (a 31-bit LCG repeated ids across users and merged their sessions). One generator per call of a
// data generator: what it writes does not depend on what was generated before in the same process.
export function seededRandom(seed) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (length) => {
    let out = '';
    while (out.length < length)
      out += Math.floor(random() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, length);
  };
  const guid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  return { random, hex, guid };
}
