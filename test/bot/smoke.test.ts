import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knowledge } from '../../src/core/knowledge/index.ts';
import { buttonLabels, expectCleanServer, startWorld, textOf, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));

describe('smoke', () => {
  it('GIVEN /concurrency THEN step 1 appears and IO leads to step 2', async () => {
    const first = await world.alice.actor.runSlashCommand(world.channelId, 'concurrency');
    expect(textOf(first)).toContain(knowledge.questions.workload.prompt);
    const second = await world.alice.actor.clickButton(first.id, { label: knowledge.questions.workload.options.io.label });
    expect(second.id).toBe(first.id);
    expect(textOf(second)).toContain(knowledge.questions.ioModel.prompt);
    const done = await world.alice.actor.clickButton(first.id, { label: knowledge.questions.ioModel.options.asyncio.label });
    expect(done.embeds[0]?.title).toContain('asyncio');
    expect(done.attachments).toHaveLength(1);
    console.log(buttonLabels(done), world.logs.slice(-3));
  });
});
