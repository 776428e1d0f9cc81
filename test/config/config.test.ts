import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { loadConfig, SETTING_NAMES } from '../../src/config/config.ts';

const TOKEN = 'MTA1MjM0NTY3ODkwMTIzNDU2Nw.GabcDe.abcdefghijklmnopqrstuvwxyz0123456789';
const APP = '1052345678901234567';

describe('loadConfig', () => {
  it('GIVEN no token THEN it runs the playground with defaults', () => {
    const loaded = loadConfig({});
    expect(loaded).toEqual({ ok: true, value: { discord: undefined, http: undefined, logLevel: 'info', port: 3000, shards: 1, shardSpawnDelayMs: 5500, metricsPort: undefined, shardIds: undefined, playgroundMessageContent: false } });
  });

  it('GIVEN an empty token line from .env.example THEN it still runs the playground', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: ' ' });
    expect(loaded.ok && loaded.value.discord).toBeUndefined();
  });

  it('GIVEN .env.example as shipped THEN it names every setting, and copied as is it runs the playground', () => {
    const example = parse(readFileSync(new URL('../../.env.example', import.meta.url)));
    expect(Object.keys(example).sort()).toEqual([...SETTING_NAMES].sort());
    const loaded = loadConfig(example);
    expect(loaded.ok && loaded.value.discord === undefined && loaded.value.http === undefined).toBe(true);
  });

  it('GIVEN a token and an application id THEN Discord settings come with the default API', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_MESSAGE_CONTENT: 'TRUE' });
    expect(loaded.ok && loaded.value.discord).toEqual({
      token: TOKEN,
      applicationId: APP,
      guildId: undefined,
      apiUrl: 'https://discord.com/api',
      messageContent: true,
    });
  });

  it('GIVEN a token pasted with its "Bot " prefix THEN the prefix is dropped', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: `Bot ${TOKEN}`, DISCORD_APPLICATION_ID: APP });
    expect(loaded.ok && loaded.value.discord?.token).toBe(TOKEN);
  });

  it('GIVEN a trailing slash on the API URL THEN it is removed so routes join cleanly', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: 'http://127.0.0.1:9/api/' });
    expect(loaded.ok && loaded.value.discord?.apiUrl).toBe('http://127.0.0.1:9/api');
  });

  it('GIVEN several bad settings and a missing application id THEN every problem, the rule between fields included, is listed, one line each, without echoing the token', () => {
    const loaded = loadConfig({
      DISCORD_TOKEN: 'not-a-token',
      DISCORD_GUILD_ID: 'my server',
      DISCORD_API_URL: 'discord.com',
      DISCORD_MESSAGE_CONTENT: 'maybe',
      PLAYGROUND_MESSAGE_CONTENT: 'sometimes',
      LOG_LEVEL: 'loud',
      PORT: '70000',
      SHARDS: 'many',
      METRICS_PORT: '0',
      SHARD_SPAWN_DELAY_MS: 'soon',
      DISCORD_PUBLIC_KEY: 'not hex',
      INTERACTIONS_PORT: 'eighty',
    });
    expect(loaded.ok).toBe(false);
    const problems = loaded.ok ? [] : loaded.error;
    expect(problems.map((line) => line.split(' ')[0])).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'DISCORD_MESSAGE_CONTENT',
      'PLAYGROUND_MESSAGE_CONTENT',
      'LOG_LEVEL',
      'PORT',
      'SHARDS',
      'DISCORD_PUBLIC_KEY',
      'INTERACTIONS_PORT',
      'METRICS_PORT',
      'SHARD_SPAWN_DELAY_MS',
      'DISCORD_APPLICATION_ID',
      'DISCORD_APPLICATION_ID',
      'SHARDS',
    ]);
    expect(problems.join('\n')).not.toContain('not-a-token');
  });

  it('GIVEN a public key and an interactions port THEN the HTTP endpoint is configured, with or without a token', () => {
    const key = 'AB'.repeat(32);
    const loaded = loadConfig({ DISCORD_PUBLIC_KEY: key, INTERACTIONS_PORT: '8080', DISCORD_APPLICATION_ID: APP });
    expect(loaded.ok && loaded.value.http).toEqual({ publicKey: key.toLowerCase(), port: 8080, applicationId: APP, apiUrl: 'https://discord.com/api' });
    expect(loaded.ok && loaded.value.discord).toBeUndefined();
    const withToken = loadConfig({ DISCORD_PUBLIC_KEY: key, INTERACTIONS_PORT: '8080', DISCORD_APPLICATION_ID: APP, DISCORD_TOKEN: TOKEN });
    expect(withToken.ok && withToken.value.http?.port).toBe(8080);
  });

  it('GIVEN half of the HTTP endpoint settings, or shards with it THEN each missing or clashing piece is one line', () => {
    const problems = (env: Record<string, string>) => {
      const loaded = loadConfig(env);
      return loaded.ok ? [] : loaded.error;
    };
    expect(problems({ DISCORD_PUBLIC_KEY: 'ab'.repeat(32), DISCORD_APPLICATION_ID: APP })).toEqual([expect.stringMatching(/^INTERACTIONS_PORT is required/)]);
    expect(problems({ INTERACTIONS_PORT: '8080' })).toEqual([expect.stringMatching(/^DISCORD_PUBLIC_KEY is required/), expect.stringMatching(/^DISCORD_APPLICATION_ID is required for the interactions endpoint/)]);
    expect(problems({ DISCORD_PUBLIC_KEY: 'ab'.repeat(32), INTERACTIONS_PORT: '8080', DISCORD_APPLICATION_ID: APP, SHARDS: '2' })).toEqual([expect.stringMatching(/^SHARDS and SHARD_IDS are for the gateway/)]);
  });

  it('GIVEN a token without an application id THEN it says where to find the id', () => {
    const loaded = loadConfig({ DISCORD_TOKEN: TOKEN });
    expect(loaded.ok ? [] : loaded.error).toEqual([expect.stringMatching(/^DISCORD_APPLICATION_ID is required .*Application ID/)]);
  });

  it('GIVEN PLAYGROUND_MESSAGE_CONTENT=true THEN the playground runs with the Message Content intent', () => {
    const loaded = loadConfig({ PLAYGROUND_MESSAGE_CONTENT: 'true' });
    expect(loaded.ok && loaded.value.playgroundMessageContent).toBe(true);
  });

  it('GIVEN SHARDS=auto or a number THEN it is parsed', () => {
    const auto = loadConfig({ SHARDS: 'auto' });
    const two = loadConfig({ SHARDS: '2' });
    expect([auto.ok && auto.value.shards, two.ok && two.value.shards]).toEqual(['auto', 2]);
  });

  it('GIVEN SHARD_SPAWN_DELAY_MS THEN shards start that far apart, and a negative or huge pause is refused', () => {
    const short = loadConfig({ SHARD_SPAWN_DELAY_MS: '200' });
    expect(short.ok && short.value.shardSpawnDelayMs).toBe(200);
    for (const value of ['-1', '60001', '1.5']) {
      const loaded = loadConfig({ SHARD_SPAWN_DELAY_MS: value });
      expect(loaded.ok ? [] : loaded.error, value).toEqual([expect.stringMatching(/^SHARD_SPAWN_DELAY_MS must be/)]);
    }
  });

  it('GIVEN SHARD_IDS with SHARDS THEN this host runs those shards; without SHARDS, out of range, repeated or malformed THEN one line says what to fix', () => {
    const some = loadConfig({ SHARDS: '4', SHARD_IDS: '1, 3' });
    expect(some.ok && some.value.shardIds).toEqual([1, 3]);
    const problems = (env: Record<string, string>) => {
      const loaded = loadConfig(env);
      return loaded.ok ? [] : loaded.error;
    };
    expect(problems({ SHARD_IDS: '0,1' })).toEqual([expect.stringMatching(/^SHARD_IDS needs SHARDS/)]);
    expect(problems({ SHARDS: '4', SHARD_IDS: '2,4' })).toEqual(['SHARD_IDS must name shards 0 to 3, since SHARDS is 4']);
    expect(problems({ SHARDS: '4', SHARD_IDS: '1,1' })).toEqual(['SHARD_IDS names a shard twice']);
    expect(problems({ SHARDS: '4', SHARD_IDS: 'first' })).toEqual([expect.stringMatching(/^SHARD_IDS must be shard ids separated by commas/)]);
    expect(problems({ SHARDS: 'auto', SHARD_IDS: '0,9999' })).toEqual([expect.stringMatching(/^SHARD_IDS needs a number in SHARDS, not auto/)]);
  });

  it('GIVEN METRICS_PORT clashing with the endpoint, or too high for every shard to add its id THEN one line says so', () => {
    const problems = (env: Record<string, string>) => {
      const loaded = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, ...env });
      return loaded.ok ? [] : loaded.error;
    };
    expect(problems({ DISCORD_PUBLIC_KEY: 'a'.repeat(64), INTERACTIONS_PORT: '8080', METRICS_PORT: '8080' })).toEqual([expect.stringMatching(/^METRICS_PORT must differ from INTERACTIONS_PORT/)]);
    expect(problems({ SHARDS: '4', METRICS_PORT: '65535' })).toEqual(['METRICS_PORT must leave room for every shard: shard 3 would serve on 65538, past 65535']);
    expect(problems({ SHARDS: '4', SHARD_IDS: '0,1', METRICS_PORT: '65534' })).toEqual([]);
    expect(problems({ SHARDS: '4', SHARD_IDS: '0,2', METRICS_PORT: '65534' })).toEqual(['METRICS_PORT must leave room for every shard: shard 2 would serve on 65536, past 65535']);
    expect(problems({ SHARDS: '4', METRICS_PORT: '9100' })).toEqual([]);
    expect(problems({ METRICS_PORT: '65535' })).toEqual([]);
  });
});
