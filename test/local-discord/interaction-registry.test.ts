import { describe, expect, it } from 'vitest';
import { createManualClock, InteractionFailedError, TOKEN_LIFETIME_MS } from '../../src/local-discord/index.ts';
import { InteractionRegistry } from '../../src/local-discord/interactions.ts';
import { aGuildPlace } from './harness.ts';

describe('interaction registry', () => {
  it('GIVEN an interaction WHEN its token has lived 15 minutes THEN it is forgotten and its token no longer finds it', () => {
    const clock = createManualClock();
    const registry = new InteractionRegistry(clock);
    const record = registry.create({ id: '1', type: 2, channelId: '2', userId: '3', ...aGuildPlace });
    expect(registry.find('1', record.token)).toBe(record);
    clock.advance(TOKEN_LIFETIME_MS - 1);
    expect(registry.findByToken(record.token)).toBe(record);
    clock.advance(1);
    expect(registry.findByToken(record.token)).toBeUndefined();
    expect(registry.size).toBe(0);
  });

  it('GIVEN a wrong token for a known id WHEN looked up THEN nothing is found', () => {
    const registry = new InteractionRegistry(createManualClock());
    registry.create({ id: '1', type: 2, channelId: '2', userId: '3', ...aGuildPlace });
    expect(registry.find('1', 'forged')).toBeUndefined();
  });

  it('GIVEN no acknowledgement WHEN 3 s pass THEN the answer fails as "This interaction failed"', async () => {
    const clock = createManualClock();
    const record = new InteractionRegistry(clock).create({ id: '1', type: 2, channelId: '2', userId: '3', ...aGuildPlace });
    clock.advance(3_001);
    await expect(record.answer).rejects.toBeInstanceOf(InteractionFailedError);
    expect(record.ackWindowClosed()).toBe(true);
  });

  it('GIVEN tokens WHEN made for interactions THEN they are base64url of interaction:<id>:<random>, unique', () => {
    const registry = new InteractionRegistry(createManualClock());
    const tokens = ['1', '2', '3'].map((id) => registry.create({ id, type: 2, channelId: '9', userId: '8', ...aGuildPlace }).token);
    expect(new Set(tokens).size).toBe(3);
    expect(Buffer.from(tokens[0] ?? '', 'base64url').toString()).toMatch(/^interaction:1:[\w-]+$/);
  });
});
