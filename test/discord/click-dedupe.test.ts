import { describe, expect, it } from 'vitest';
import { clickKey, createClickDeduper } from '../../src/discord/click-dedupe.ts';

function manualTime() {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createClickDeduper', () => {
  it('GIVEN the same click twice within the window THEN the second is a repeat', () => {
    const time = manualTime();
    const dedupe = createClickDeduper({ windowMs: 3000, maxEntries: 10, now: time.now });
    const key = clickKey('u1', 'm1', 'guide/x');
    expect(dedupe.isRepeat(key)).toBe(false);
    time.advance(200);
    expect(dedupe.isRepeat(key)).toBe(true);
  });

  it('GIVEN the same click after the window THEN it counts again', () => {
    const time = manualTime();
    const dedupe = createClickDeduper({ windowMs: 3000, maxEntries: 10, now: time.now });
    const key = clickKey('u1', 'm1', 'c');
    dedupe.isRepeat(key);
    time.advance(3000);
    expect(dedupe.isRepeat(key)).toBe(false);
  });

  it('GIVEN different users, messages or components THEN none is a repeat of another', () => {
    const dedupe = createClickDeduper({ windowMs: 3000, maxEntries: 10, now: () => 0 });
    expect(dedupe.isRepeat(clickKey('u1', 'm1', 'c'))).toBe(false);
    expect(dedupe.isRepeat(clickKey('u2', 'm1', 'c'))).toBe(false);
    expect(dedupe.isRepeat(clickKey('u1', 'm2', 'c'))).toBe(false);
    expect(dedupe.isRepeat(clickKey('u1', 'm1', 'd'))).toBe(false);
  });

  it('GIVEN a flood of distinct clicks THEN memory stays within the bound', () => {
    const dedupe = createClickDeduper({ windowMs: 60_000, maxEntries: 100, now: () => 0 });
    for (let i = 0; i < 1000; i += 1) dedupe.isRepeat(`k${i}`);
    expect(dedupe.size).toBe(100);
    // The newest are kept: a repeat of a recent click is still caught.
    expect(dedupe.isRepeat('k999')).toBe(true);
  });

  it('GIVEN old entries THEN they are forgotten as time passes', () => {
    const time = manualTime();
    const dedupe = createClickDeduper({ windowMs: 1000, maxEntries: 100, now: time.now });
    for (let i = 0; i < 50; i += 1) dedupe.isRepeat(`k${i}`);
    time.advance(1000);
    dedupe.isRepeat('fresh');
    expect(dedupe.size).toBe(1);
  });
});
