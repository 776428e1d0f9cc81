import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_IDS, QUESTION_OPTIONS } from '../../machines/questions.ts';
import { GUIDE_ID_VERSION } from '../../src/core/guide-id.ts';
import type { ChangeEvent, RenderedMessage, UserActor } from '../../src/local-discord/index.ts';
import { expectCleanServer, startWorld, textOf, type World } from '../bot/harness.ts';
import { answer, apiFor } from './guide-steps.ts';

// The full 10,000 cases with FUZZ_LONG=1; by default a tenth of them, from a new seed each run
// (printed, so a failure can be replayed with FUZZ_SEED=<seed>).
const LONG = process.env['FUZZ_LONG'] === '1';
const CASES = LONG ? 10_000 : 1_000;
const SEED = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FUZZ_SEED']);
// Small batches keep each interaction's queueing well inside Discord's 3 s window on a busy machine.
const BATCH = 25;

type Target = 'question' | 'outcome';
type Who = 'alice' | 'bob';
type FuzzCase =
  | { readonly kind: 'component'; readonly who: Who; readonly target: Target; readonly customId: string; readonly componentType: number; readonly values?: readonly string[] }
  | { readonly kind: 'typed'; readonly who: Who; readonly where: 'reply' | 'mention' | 'dm'; readonly text: string };

const ALL_OPTIONS = Object.values(QUESTION_OPTIONS).flat();
// 'asked' belongs on a form, never on a button: a click carrying it must be refused like any forgery.
const ACTIONS = ['back', 'restart', 'start', 'not-sure', 'why-question', 'why', 'why-not', 'share', 'asked', ...ALL_OPTIONS.map((option) => `answer-${option}`)];

/** Custom ids from plain noise to near-misses of real guide ids (right shape, wrong owner, path or action). */
function customIds(ownerIds: readonly string[]): fc.Arbitrary<string> {
  const segment = fc.string({ maxLength: 12 });
  const guideLike = fc
    .tuple(
      fc.constantFrom('guide', 'Guide', 'guid', ''),
      fc.oneof(fc.constant(GUIDE_ID_VERSION), segment),
      fc.oneof(fc.constantFrom(...ownerIds), fc.stringMatching(/^\d{0,21}$/), segment),
      fc.oneof(fc.stringMatching(/^[a-z-]{0,7}$/), segment),
      fc.oneof(fc.constantFrom(...ACTIONS), segment),
    )
    .map((parts) => parts.join('/'));
  return fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), guideLike).filter((id) => id.length >= 1 && id.length <= 100);
}

function fuzzCases(ownerIds: readonly string[]): fc.Arbitrary<FuzzCase[]> {
  const who = fc.constantFrom<Who>('alice', 'bob');
  const component = fc.record({
    kind: fc.constant('component' as const),
    who,
    target: fc.constantFrom<Target>('question', 'outcome'),
    customId: customIds(ownerIds),
    componentType: fc.constantFrom(2, 3, 5, 6, 7, 8),
    values: fc.array(fc.oneof(fc.constantFrom(...OUTCOME_IDS), fc.string({ maxLength: 100 })), { minLength: 1, maxLength: 3 }),
  }).map(({ values, ...rest }) => (rest.componentType === 2 ? rest : { ...rest, values }));
  const typed = fc.record({
    kind: fc.constant('typed' as const),
    who,
    where: fc.constantFrom<'reply' | 'mention' | 'dm'>('reply', 'mention', 'dm'),
    text: fc.oneof(
      fc.string({ minLength: 1, maxLength: 300 }),
      fc.constantFrom('why?', 'Why', 'why not asyncio?', 'why not', '@everyone why?', 'why <@&123456789012345678>', 'why not <@1>?', '`why`', '**WHY NOT POOL**'),
    ).filter((text) => text.trim() !== ''),
  });
  // Unique custom ids: a repeat within 3 s is a double click, answered on purpose without a visible reply.
  return fc.uniqueArray(fc.oneof({ weight: 4, arbitrary: component }, { weight: 1, arbitrary: typed }), {
    minLength: CASES,
    maxLength: CASES,
    selector: (item) => (item.kind === 'component' ? `c:${item.customId}` : `t:${item.where}:${item.who}:${item.text}`),
  });
}

/** Everything that could ping someone in a message the bot posted. */
function pingProblems(message: RenderedMessage): string[] {
  if (message.loading) return [];
  const allowed = message.allowedMentions;
  const problems: string[] = [];
  if (message.mentions.length > 0) problems.push(`mentions ${message.mentions.join(',')}`);
  if (allowed === undefined) problems.push('no allowed_mentions');
  else if (allowed.parse.length > 0 || allowed.users.length > 0 || allowed.roles.length > 0 || allowed.repliedUser) problems.push(`allowed_mentions ${JSON.stringify(allowed)}`);
  return problems;
}

let world: World;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  world = await startWorld();
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await world.close();
});

describe(`${CASES.toLocaleString('en')} random clicks and typed messages against one bot (seed ${SEED})`, () => {
  // The timeout guards against a hang; it is not a speed target (a busy shared runner is several times slower).
  it('GIVEN random custom ids, component types and texts THEN nothing crashes, every interaction gets a clear visible answer and nothing pings anyone', async () => {
    const actors: Record<Who, UserActor> = { alice: world.alice.actor, bob: world.bob.actor };
    const question = await actors.alice.runSlashCommand(world.channelId, 'concurrency');
    const outcomeStart = await actors.alice.runSlashCommand(world.channelId, 'concurrency');
    await answer(actors.alice, outcomeStart, 'cpu');
    await answer(actors.alice, outcomeStart, 'pythonCode');
    const outcome = await answer(actors.alice, outcomeStart, 'class');
    expect(textOf(outcome)).toContain(apiFor(['cpu', 'pythonCode', 'class']));
    const targets: Record<Target, string> = { question: question.id, outcome: outcome.id };

    const pings: string[] = [];
    const stop = world.discord.onChange((event: ChangeEvent) => {
      if (event.type === 'messageDeleted' || event.message.authorId !== world.discord.bot.userId) return;
      for (const problem of pingProblems(event.message)) pings.push(`${problem} in ${JSON.stringify(event.message.content.slice(0, 80))}`);
    });
    const unclear: string[] = [];
    const failed: string[] = [];
    const cases = fc.sample(fuzzCases([world.alice.user.id, world.bob.user.id]), { numRuns: 1, seed: SEED })[0] ?? [];
    expect(cases).toHaveLength(CASES);

    const run = async (item: FuzzCase): Promise<void> => {
      const actor = actors[item.who];
      try {
        if (item.kind === 'typed') {
          if (item.where === 'dm') await actor.sendDm(item.text);
          else await actor.sendMessage(world.channelId, item.text, item.where === 'reply' ? { replyTo: question.id } : { mentionBot: true });
          return;
        }
        const { kind: _kind, who: _who, target, ...component } = item;
        const seen = await actor.sendComponentInteraction(targets[target], component, { timeoutMs: 10_000 });
        if (textOf(seen).trim() === '') unclear.push(JSON.stringify(item));
      } catch (error) {
        failed.push(`${JSON.stringify(item)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    try {
      for (let start = 0; start < cases.length; start += BATCH) await Promise.all(cases.slice(start, start + BATCH).map(run));
      // The bot still works: a fresh guide starts and ends where the decision table says.
      const fresh = await actors.bob.runSlashCommand(world.channelId, 'concurrency');
      await answer(actors.bob, fresh, 'io');
      expect(textOf(await answer(actors.bob, fresh, 'asyncio'))).toContain(apiFor(['io', 'asyncio']));
    } finally {
      stop();
    }
    expect(failed.slice(0, 5)).toEqual([]);
    expect(unclear.slice(0, 5)).toEqual([]);
    expect(pings.slice(0, 5)).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(world.logs.filter((line) => typeof line['level'] === 'number' && line['level'] >= 50).slice(0, 5)).toEqual([]);
    expectCleanServer(world.discord);
  }, 240_000);
});
