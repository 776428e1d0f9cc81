import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionKnowledge } from '../../src/core/knowledge/index.ts';
import type { LocalDiscord, UserActor } from '../../src/local-discord/index.ts';
import { expectCleanServer } from '../bot/harness.ts';
import { metricSample as sample, startBotChildOnFreePorts, startServerForChild, type BotChild } from '../support/bot-child.ts';

let discord: LocalDiscord;
let channelId: string;
let alice: UserActor;
let bot: BotChild;
let base: string;

beforeAll(async () => {
  ({ discord, channelId, alice } = await startServerForChild());
  const started = await startBotChildOnFreePorts(discord, 1, ([port]) => ({ METRICS_PORT: String(port) }));
  bot = started.child;
  base = `http://127.0.0.1:${started.ports[0]}`;
});
afterAll(async () => {
  await bot.kill('SIGKILL');
  await discord.close();
});

describe('METRICS_PORT: health and metrics of the running bot', () => {
  it('GIVEN a connected bot WHEN a member walks a guide and DMs a question THEN /healthz is 200 and /metrics counts each click, its answer time and the follow-up', async () => {
    expect(bot.output()).toContain('"msg":"serving /healthz and /metrics"');
    const health = await fetch(`${base}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);

    const before = await (await fetch(`${base}/metrics`)).text();
    let guide = await alice.runSlashCommand(channelId, 'concurrency');
    for (const option of ['cpu', 'pythonCode', 'class'] as const) guide = await alice.clickButton(guide.id, { label: optionKnowledge(option).label });
    await alice.clickButton(guide.id, { label: 'Why?' });
    const question = await alice.sendDm('why not asyncio?');
    await alice.waitForBotMessage({ channelId: question.channelId, after: question.id });
    // The bot counts an answer once Discord has acknowledged it, a moment after the member sees it.
    let after = '';
    const moved = (series: string) => sample(after, series) - sample(before, series);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const scrape = await fetch(`${base}/metrics`);
      expect(scrape.headers.get('content-type')).toContain('text/plain');
      after = await scrape.text();
      if (moved('guide_follow_ups_total{result="declined"}') >= 1 && moved('guide_interactions_total{kind="button",result="updated"}') >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(moved('guide_interactions_total{kind="command",result="started"}')).toBe(1);
    expect(moved('guide_interactions_total{kind="button",result="updated"}')).toBe(4);
    expect(moved('guide_interaction_answer_seconds_count{kind="button"}')).toBe(4);
    // No guide in the DM to answer about: the bot says so, which counts as declined.
    expect(moved('guide_follow_ups_total{result="declined"}')).toBe(1);
    expect(sample(after, 'guide_errors_total{source="interaction"}')).toBe(0);
    expect(sample(after, 'guide_gateway_shard_connected{shard="0"}')).toBe(1);
    expect(sample(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(after).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    expectCleanServer(discord);
  });

  it('GIVEN another path or method THEN it says what is served, and never a page', async () => {
    const missing = await fetch(`${base}/`);
    expect([missing.status, await missing.text()]).toEqual([404, 'Try /healthz or /metrics.\n']);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN the gateway gone THEN /healthz answers 503, so a load balancer stops sending work', async () => {
    await discord.close();
    let status = 0;
    for (let attempt = 0; attempt < 200 && status !== 503; attempt += 1) {
      status = (await fetch(`${base}/healthz`)).status;
      if (status !== 503) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe(503);
  });
});
