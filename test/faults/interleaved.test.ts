import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import type { RenderedMessage, UserActor } from '../../src/local-discord/index.ts';
import { expectCleanServer, startWorld, textOf, type World } from '../bot/harness.ts';
import { answer, apiFor, PATHS } from './guide-steps.ts';

const MEMBERS = 12;

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));

interface Member {
  readonly actor: UserActor;
  readonly path: readonly OptionId[];
  message: RenderedMessage;
  clicks: number;
}

/** What a guide message shows, to compare before and after someone else's click. */
const snapshot = (message: RenderedMessage) => JSON.stringify({ text: textOf(message), buttons: message.components });
const current = (id: string) => world.discord.messages(world.channelId).find((message) => message.id === id)!;

/** Splits the turns into rounds of at most `size`, each member at most once per round, keeping the order. */
function rounds(order: readonly Member[], size: number): Member[][] {
  const result: Member[][] = [];
  let round: Member[] = [];
  for (const member of order) {
    if (round.length === size || round.includes(member)) {
      result.push(round);
      round = [];
    }
    round.push(member);
  }
  if (round.length > 0) result.push(round);
  return result;
}

describe('many guides from many users interleaved in one channel', () => {
  it('GIVEN twelve members clicking their own guides in a shuffled order, with strangers clicking too THEN each guide ends where its own answers lead', async () => {
    const members: Member[] = [];
    for (let index = 0; index < MEMBERS; index += 1) {
      const user = world.discord.createUser(`member-${index}`);
      world.discord.addMember(world.guildId, user.id);
      const actor = world.discord.as(user);
      members.push({ actor, path: PATHS[index % PATHS.length]!, message: await actor.runSlashCommand(world.channelId, 'concurrency'), clicks: 0 });
    }
    // Every click of every member, in an order fast-check shuffles; a round runs up to five clicks at once.
    const turns = members.flatMap((member) => member.path.map(() => member));
    const order = fc.sample(fc.shuffledSubarray(turns, { minLength: turns.length, maxLength: turns.length }), { numRuns: 1, seed: 6 })[0]!;
    // A repeat of the same stranger's click on the same message would be a double click: pairs are used once.
    const strangerPairs = new Set<string>();
    for (const round of rounds(order, 5)) {
      // Meanwhile a stranger clicks a bystander's guide: a private copy for them, the owner's message unchanged.
      const pairs = round.flatMap((stranger) => members.filter((member) => !round.includes(member)).map((bystander) => ({ stranger, bystander })));
      const { stranger, bystander } = pairs.find((pair) => !strangerPairs.has(`${pair.stranger.actor.user.id}>${pair.bystander.actor.user.id}`))!;
      strangerPairs.add(`${stranger.actor.user.id}>${bystander.actor.user.id}`);
      const before = snapshot(current(bystander.message.id));
      const strangerClick = stranger.actor.clickButton(bystander.message.id, { label: 'Start over' });
      await Promise.all(
        round.map(async (member) => {
          member.message = await answer(member.actor, member.message, member.path[member.clicks]!);
          member.clicks += 1;
        }),
      );
      const copy = await strangerClick;
      expect(copy.ephemeralFor).toBe(stranger.actor.user.id);
      expect(copy.id).not.toBe(bystander.message.id);
      expect(snapshot(current(bystander.message.id))).toBe(before);
    }
    for (const member of members) {
      const final = current(member.message.id);
      expect(member.clicks).toBe(member.path.length);
      expect(textOf(final)).toContain(apiFor(member.path));
    }
  }, 60_000);
});
