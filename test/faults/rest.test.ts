import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DriverError, InteractionFailedError } from '../../src/local-discord/index.ts';
import { expectCleanServer, startWorld, textOf, TINY_PNG, type World } from '../bot/harness.ts';
import { answer, apiFor, showsQuestion } from './guide-steps.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));

/** Statuses the server answered to the bot's interaction callbacks since `from`. */
function callbackStatuses(from: number): number[] {
  return world.discord.requests
    .slice(from)
    .filter((request) => request.route.endsWith('/callback'))
    .map((request) => request.status);
}

describe('REST faults while answering a click', () => {
  it('GIVEN the callback is rate limited once with retry_after WHEN the user clicks THEN the bot waits, retries and the answer arrives within Discord\'s 3 s', async () => {
    const alice = world.alice.actor;
    const start = await alice.runSlashCommand(world.channelId, 'concurrency');
    const before = world.discord.requests.length;
    world.discord.faults.rateLimitNext({ retryAfterMs: 400, route: '/callback' });
    // The driver fails the click with "This interaction failed" if the answer is later than 3 s.
    const next = await answer(alice, start, 'io');
    expect(showsQuestion(next, 'ioModel')).toBe(true);
    expect(callbackStatuses(before)).toEqual([429, 204]);
  });

  it('GIVEN the callback fails once with a 500 WHEN the user clicks THEN the bot retries and the answer arrives in time', async () => {
    const alice = world.alice.actor;
    const start = await alice.runSlashCommand(world.channelId, 'concurrency');
    const before = world.discord.requests.length;
    world.discord.faults.serverErrorNext({ route: '/callback' });
    const next = await answer(alice, start, 'cpu');
    expect(showsQuestion(next, 'cpuWork')).toBe(true);
    expect(callbackStatuses(before)).toEqual([500, 204]);
  });
});

describe('REST faults while uploading the picture', () => {
  it('GIVEN the outcome\'s upload is rate limited once WHEN the user reaches the outcome THEN the same upload is sent again and the picture arrives whole', async () => {
    const alice = world.alice.actor;
    const question = await answer(alice, await answer(alice, await alice.runSlashCommand(world.channelId, 'concurrency'), 'cpu'), 'pythonCode');
    const before = world.discord.requests.length;
    world.discord.faults.rateLimitNext({ retryAfterMs: 300, route: '/callback' });
    const outcome = await answer(alice, question, 'class');
    expect(textOf(outcome)).toContain(apiFor(['cpu', 'pythonCode', 'class']));
    expect(outcome.attachments.map((attachment) => attachment.filename)).toEqual(['decision-path-cpu-pythonCode-class.png']);
    expect(outcome.attachments[0]?.data).toEqual(TINY_PNG);
    expect(callbackStatuses(before)).toEqual([429, 204]);
  });
});

describe('a double click', () => {
  it('GIVEN one button clicked twice at once THEN neither click fails, the guide moves one step and the message is updated once', async () => {
    const alice = world.alice.actor;
    const start = await alice.runSlashCommand(world.channelId, 'concurrency');
    let updates = 0;
    const stop = world.discord.onChange((event) => {
      if (event.type === 'messageUpdated' && event.message.id === start.id) updates += 1;
    });
    try {
      const first = answer(alice, start, 'io');
      // The second click acknowledges without changing anything, so the user never sees it answered.
      const second = answer(alice, start, 'io', 3_500).then(
        () => 'answered',
        (error: unknown) => error,
      );
      expect(showsQuestion(await first, 'ioModel')).toBe(true);
      const outcome = await second;
      expect(outcome).not.toBeInstanceOf(InteractionFailedError);
      expect(outcome).toBeInstanceOf(DriverError);
      expect(String(outcome)).toContain('acknowledged: true');
      expect(updates).toBe(1);
      expect(showsQuestion(world.discord.messages(world.channelId).find((message) => message.id === start.id)!, 'ioModel')).toBe(true);
    } finally {
      stop();
    }
  });
});
