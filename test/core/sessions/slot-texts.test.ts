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
});
