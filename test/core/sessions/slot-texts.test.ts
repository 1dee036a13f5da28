import { describe, expect, it } from 'vitest';
import { SlotTexts } from '../../../src/core/sessions/slot-texts.js';

describe('SlotTexts', () => {
  const texts = ['::ffff:10.21.63.52', '', 'café', '日本のクライアント', 'x'.repeat(48), 'y'.repeat(49), '[::1]:56562'];

  it('gives back each text it holds, short or long, Latin-1 or not, and compares in place', () => {
    const slots = new SlotTexts();
    slots.ensure(texts.length);
    texts.forEach((text, slot) => slots.set(slot, text));
    texts.forEach((text, slot) => {
      expect(slots.has(slot)).toBe(true);
      expect(slots.text(slot)).toBe(text);
      expect(slots.equals(slot, text)).toBe(true);
      expect(slots.equals(slot, `${text}!`)).toBe(false);
      expect(slots.equals(slot, text.slice(1))).toBe(text === '');
    });
    // Only the long one and the one beyond Latin-1 are held as strings.
    expect(slots.heldEntries()).toBe(2);
  });

  it('forgets a cleared slot, and keeps every text through growth', () => {
    const slots = new SlotTexts();
    slots.ensure(3);
    slots.set(0, texts[0] as string);
    slots.set(2, texts[5] as string);
    slots.clear(2);
    expect(slots.has(2)).toBe(false);
    expect(slots.text(2)).toBeNull();
    expect(slots.equals(2, texts[5] as string)).toBe(false);
    expect(slots.heldEntries()).toBe(0);
    slots.ensure(5000);
    slots.set(4999, 'last');
    expect(slots.text(0)).toBe(texts[0]);
    expect(slots.text(4999)).toBe('last');
    expect(slots.has(1)).toBe(false);
  });

  it('copies a text from one table to another, short or long, and a slot without one stays without', () => {
    const from = new SlotTexts();
    from.ensure(texts.length + 1);
    texts.forEach((text, slot) => from.set(slot, text));
    const to = new SlotTexts();
    to.ensure(2000);
    texts.forEach((text, slot) => {
      to.copy(1999 - slot, from, slot);
      expect(to.text(1999 - slot)).toBe(text);
      expect(to.equals(1999 - slot, text)).toBe(true);
    });
    expect(to.heldEntries()).toBe(2);
    // A long text copied over by a short one is no longer held as a string; an empty slot copies as empty.
    to.copy(1999 - 5, from, 0);
    expect(to.text(1999 - 5)).toBe(texts[0]);
    expect(to.heldEntries()).toBe(1);
    to.copy(0, from, texts.length);
    expect(to.has(0)).toBe(false);
  });
});
