import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDiscord, RenderedMessage, UserActor } from '../../src/local-discord/index.ts';
import { buttonLabels as ui } from '../../src/core/ui-text.ts';
import { expectCleanServer, headingOf, textOf } from '../bot/harness.ts';
import { metricSample, startBotChildOnFreePorts, startServerForChild, type BotChild } from '../support/bot-child.ts';
import { answer, apiFor, showsQuestion } from './guide-steps.ts';

/*
 * The bot keeps no state between interactions, so replicas behind a load balancer can share one
 * guide: here three processes of the built bot, each an HTTP interactions endpoint, and the local
 * server sending each interaction to the next in turn, as Discord would through a load balancer.
 */

interface Replica {
  readonly child: BotChild;
  readonly url: string;
  readonly metricsPort: number;
}

let discord: LocalDiscord;
let channelId: string;
let alice: UserActor;
const replicas: Replica[] = [];

async function startReplica(): Promise<Replica> {
  const { child, ports } = await startBotChildOnFreePorts(
    discord,
    2,
    // No token: an endpoint answers through each interaction's own webhook and needs none.
    ([port, metricsPort]) => ({ DISCORD_TOKEN: '', DISCORD_PUBLIC_KEY: discord.bot.publicKey, INTERACTIONS_PORT: String(port), METRICS_PORT: String(metricsPort), LOG_LEVEL: 'debug' }),
    'listening for interactions',
  );
  const [port, metricsPort] = ports as [number, number];
  return { child, url: `http://127.0.0.1:${port}/interactions`, metricsPort };
}

/** How many interactions a replica answered, from its log. */
const answeredBy = (replica: Replica) => replica.child.output().split('\n').filter((line) => line.includes('"msg":"interaction"')).length;

beforeAll(async () => {
  ({ discord, channelId, alice } = await startServerForChild());
  replicas.push(...(await Promise.all([startReplica(), startReplica(), startReplica()])));
  await discord.setInteractionsEndpoint(replicas.map((replica) => replica.url));
}, 30_000);
afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.child.kill('SIGKILL')));
  await discord.close();
});
afterEach(() => expectCleanServer(discord));

describe('three replicas of the HTTP endpoint behind one URL', () => {
  it('GIVEN each click going to another replica THEN the guide walks to its outcome as with one bot, and every replica did its share', async () => {
    const path = ['cpu', 'pythonCode', 'pool', 'adhoc'] as const;
    let guide: RenderedMessage = await alice.runSlashCommand(channelId, 'concurrency', {}, { timeoutMs: 10_000 });
    for (const option of path) guide = await answer(alice, guide, option, 10_000);
    expect(headingOf(guide)).toContain(apiFor(path));
    expect(guide.attachments.map((attachment) => attachment.filename)).toEqual(['decision-path-cpu-pythonCode-pool-adhoc.png']);
    const why = await alice.clickButton(guide.id, { label: ui.why }, { timeoutMs: 10_000 });
    expect(textOf(why)).toContain('Why');
    // Six interactions in turn over three replicas: two each (a log line may reach the pipe just after the answer).
    for (let waited = 0; waited < 100 && replicas.map(answeredBy).join() !== '2,2,2'; waited += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replicas.map(answeredBy)).toEqual([2, 2, 2]);
  }, 30_000);

  it('GIVEN a replica killed in the middle of a guide THEN the others carry it on, click after click', async () => {
    let guide: RenderedMessage = await alice.runSlashCommand(channelId, 'concurrency', {}, { timeoutMs: 10_000 });
    guide = await answer(alice, guide, 'io', 10_000);
    await replicas[1]!.child.kill('SIGKILL');
    guide = await answer(alice, guide, 'threads', 10_000);
    expect(showsQuestion(guide, 'workers')).toBe(true);
    guide = await answer(alice, guide, 'pool', 10_000);
    guide = await answer(alice, guide, 'map', 10_000);
    guide = await answer(alice, guide, 'poolFamily', 10_000);
    expect(headingOf(guide)).toContain(apiFor(['io', 'threads', 'pool', 'map', 'poolFamily']));
  }, 30_000);

  it('GIVEN a live replica THEN its /healthz is 200 and its /metrics counted the clicks it answered', async () => {
    const replica = replicas[0]!;
    expect((await fetch(`http://127.0.0.1:${replica.metricsPort}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${replica.metricsPort}/metrics`)).text();
    expect(metricSample(metrics, 'guide_interactions_total{kind="button",result="updated"}')).toBeGreaterThan(0);
  });

  it('GIVEN SIGTERM THEN a replica stops listening and exits cleanly', async () => {
    const replica = replicas[2]!;
    await replica.child.kill('SIGTERM');
    expect(await replica.child.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${replica.metricsPort}/healthz`)).rejects.toThrow();
  });
});
