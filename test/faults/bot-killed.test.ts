import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDiscord, UserActor } from '../../src/local-discord/index.ts';
import { expectCleanServer } from '../bot/harness.ts';
import { startBotChild, startServerForChild, type BotChild } from '../support/bot-child.ts';
import { answer, showsQuestion } from './guide-steps.ts';

let discord: LocalDiscord;
let channelId: string;
let alice: UserActor;
const children: BotChild[] = [];

beforeAll(async () => {
  ({ discord, channelId, alice } = await startServerForChild());
});
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill('SIGKILL')));
  await discord.close();
});
afterEach(() => expectCleanServer(discord));

describe('the bot process killed between two clicks', () => {
  it('GIVEN a guide at its second question WHEN the bot is SIGKILLed and started again THEN the next click continues the same guide', async () => {
    const first = startBotChild(discord);
    children.push(first);
    await first.ready;
    const start = await alice.runSlashCommand(channelId, 'concurrency', {}, { timeoutMs: 10_000 });
    const second = await answer(alice, start, 'io', 10_000);
    expect(showsQuestion(second, 'ioModel')).toBe(true);

    await first.kill('SIGKILL');
    const restarted = startBotChild(discord);
    children.push(restarted);
    await restarted.ready;

    // The new process has never seen this guide: everything it needs rides in the button's custom id.
    const third = await answer(alice, start, 'threads', 10_000);
    expect(third.id).toBe(start.id);
    expect(showsQuestion(third, 'workers')).toBe(true);
  }, 60_000);
});
