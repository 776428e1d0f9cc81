import { describe, expect, it } from 'vitest';
import { callbackInteractionId } from '../../bench/probe-protocol.ts';
import { SentTimes, turnarounds } from '../../bench/turnaround.ts';

describe('the bot timed alone', () => {
  it('GIVEN send and answer times THEN each interaction timed on both sides gives its turnaround, once', () => {
    const sent = new Map([
      ['1', 100],
      ['2', 101],
      ['3', 102],
    ]);
    const answered = [
      ['2', 104.5],
      ['9', 105], // sent before the server kept times (a warm-up interaction)
      ['1', 106],
      ['2', 110], // a second response to one interaction, which Discord refuses
    ] as const;
    expect(turnarounds(sent, answered)).toEqual([3.5, 6]);
  });

  it('GIVEN the server hands over interactions THEN it keeps their times only between start and take', () => {
    const times = new SentTimes();
    times.record('before');
    times.start();
    times.record('during');
    const taken = times.take();
    times.record('after');
    expect([...taken.keys()]).toEqual(['during']);
    expect(times.take().size).toBe(0);
  });

  it('GIVEN request paths THEN only an interaction callback names its interaction', () => {
    expect(callbackInteractionId('/api/v10/interactions/1234/tok-en_x/callback')).toBe('1234');
    expect(callbackInteractionId('/api/v10/interactions/1234/token/callback?with_response=false')).toBe('1234');
    expect(callbackInteractionId('/api/v10/webhooks/55/token/messages/@original')).toBeUndefined();
    expect(callbackInteractionId('/api/v10/interactions/1234/token/callbackx')).toBeUndefined();
    expect(callbackInteractionId('/api/v10/channels/1/messages')).toBeUndefined();
  });
});
