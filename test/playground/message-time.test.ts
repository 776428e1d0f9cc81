import { describe, expect, it } from 'vitest';
import { formatMessageTime } from '../../src/playground/common/message-time.ts';

describe('formatMessageTime', () => {
  const now = new Date(2026, 10, 25, 20, 15);

  it('GIVEN a message from earlier today THEN "Today at" and the time', () => {
    expect(formatMessageTime(new Date(2026, 10, 25, 9, 5), now)).toBe('Today at 09:05');
  });

  it('GIVEN a message from late yesterday THEN "Yesterday at"', () => {
    expect(formatMessageTime(new Date(2026, 10, 24, 23, 59), now)).toBe('Yesterday at 23:59');
  });

  it('GIVEN an older message THEN its date and time', () => {
    expect(formatMessageTime(new Date(2026, 0, 2, 7, 0), now)).toBe('02/01/2026 07:00');
  });
});
