import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManualClock, InteractionFailedError } from '../../src/local-discord/index.ts';
import { expectCleanServer, startWorld, type World } from '../bot/harness.ts';

// The server's clock, which dates interaction ids, runs 10 s behind the bot's: every click reaches
// the bot as if a burst had kept it busy for 10 s.
const clock = createManualClock(Date.now() - 10_000);
let world: World;
beforeAll(async () => {
  world = await startWorld({ clock });
});
afterAll(async () => world.close());

describe('GIVEN the bot reaches a click long after Discord received it', () => {
  it('THEN it spends no work or request on it, logs why, and the user sees the interaction failed as Discord shows it', async () => {
    const before = world.discord.requests.length;
    const attempt = world.alice.actor.runSlashCommand(world.channelId, 'concurrency', {}, { timeoutMs: 10_000 });
    attempt.catch(() => undefined);
    await vi.waitFor(() => expect(world.logs.some((line) => line['msg'] === 'interaction too old to answer; skipped')).toBe(true));
    expect(world.logs.find((line) => line['msg'] === 'interaction too old to answer; skipped')).toMatchObject({ kind: 'command' });
    expect(world.discord.requests.slice(before).filter((request) => request.route.includes('/interactions/'))).toEqual([]);
    clock.advance(3_000);
    await expect(attempt).rejects.toBeInstanceOf(InteractionFailedError);
    expectCleanServer(world.discord);
  });
});
