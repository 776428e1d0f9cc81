import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { SLOW_INTERACTION_MS } from '../../src/discord/interaction-handler.ts';
import type { PathPictures } from '../../src/discord/pictures.ts';
import { headingOf, startWorld, TINY_PNG, type World } from './harness.ts';

// Long enough that the click which waits for it counts as slow.
const DRAWING_MS = SLOW_INTERACTION_MS + 200;

const slowPictures: PathPictures = {
  get: async () => {
    await new Promise((resolve) => setTimeout(resolve, DRAWING_MS));
    return TINY_PNG;
  },
};

let world: World;
beforeAll(async () => {
  world = await startWorld({ logLevel: 'info', pictures: slowPictures });
});
afterAll(async () => world.close());

describe('GIVEN the bot logging at info, the default', () => {
  it('THEN quick clicks log nothing and the one a member had to wait for logs its line', async () => {
    const alice = world.alice.actor;
    let guide = await alice.runSlashCommand(world.channelId, 'concurrency');
    guide = await alice.clickButton(guide.id, { label: optionKnowledge('cpu').label });
    guide = await alice.clickButton(guide.id, { label: optionKnowledge('pythonCode').label });
    const outcome = await alice.clickButton(guide.id, { label: optionKnowledge('class').label });
    expect(headingOf(outcome)).toContain(knowledge.outcomes.process.api);

    // The line is written once the answer has gone out, a moment after the member sees it.
    const lines = () => world.logs.filter((line) => line['msg'] === 'interaction');
    for (let attempt = 0; attempt < 100 && lines().length === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ level: 30, kind: 'button', outcome: 'updated' });
    expect(lines()[0]?.['latencyMs']).toBeGreaterThanOrEqual(SLOW_INTERACTION_MS);
  });
});
