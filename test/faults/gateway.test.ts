import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDiscord } from '../../src/local-discord/index.ts';
import { expectCleanServer, startWorld, type World } from '../bot/harness.ts';
import { nextEvent } from '../local-discord/harness.ts';
import { answer, showsQuestion } from './guide-steps.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));

const resumableFaults: [string, (discord: LocalDiscord) => void][] = [
  ['the gateway socket drops', (discord) => discord.faults.dropGateway()],
  ['the gateway sends RECONNECT', (discord) => discord.faults.sendReconnect()],
  ['the gateway sends a resumable INVALID_SESSION', (discord) => discord.faults.sendInvalidSession(true)],
];

describe('gateway faults in the middle of a guide', () => {
  it.each(resumableFaults)('GIVEN a guide at its second question WHEN %s THEN the bot resumes and both a click during the fault and one after it are answered', async (_, fault) => {
    const alice = world.alice.actor;
    const start = await alice.runSlashCommand(world.channelId, 'concurrency');
    const second = await answer(alice, start, 'io');
    expect(showsQuestion(second, 'ioModel')).toBe(true);
    const resumed = nextEvent(world.bot().client, Events.ShardResume);
    fault(world.discord);
    // Sent while the bot is away or about to leave: the server keeps it for the resume, as Discord does.
    const third = await answer(alice, start, 'threads');
    expect(third.id).toBe(start.id);
    expect(showsQuestion(third, 'workers')).toBe(true);
    await resumed;
    const fourth = await answer(alice, start, 'pool');
    expect(showsQuestion(fourth, 'poolApi')).toBe(true);
  });

  it('GIVEN a guide at its third question WHEN the session is invalidated for good THEN the bot identifies anew and the next click works', async () => {
    const alice = world.alice.actor;
    const start = await alice.runSlashCommand(world.channelId, 'concurrency');
    await answer(alice, start, 'cpu');
    await answer(alice, start, 'pythonCode');
    const identified = nextEvent(world.bot().client, Events.ShardReady);
    world.discord.faults.sendInvalidSession(false);
    await identified;
    // Nothing reaches a bot without a session; Discord itself would show the click as failed.
    await world.discord.waitForBotReady();
    const third = await answer(alice, start, 'pool');
    expect(showsQuestion(third, 'poolApi')).toBe(true);
  });
});
