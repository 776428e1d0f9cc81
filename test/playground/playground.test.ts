import { createServer } from 'node:net';
import { Events, type Client } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotClient } from '../../src/discord/client.ts';
import { BUILT_PLAYGROUND_PAGE } from '../support/built.ts';
import { startPlaygroundWith, type PlaygroundBot, type PlaygroundBotSettings, type RunningPlayground } from '../../src/playground/playground.ts';
import type { PageState } from '../../src/playground/common/page-types.ts';

/**
 * A stand-in bot that registers and connects the way the real one does (its own REST call and a
 * discord.js client), answers /echo, and keeps the text of every member's message it receives, to
 * check the playground's wiring on its own.
 */
function echoBot(seen: PlaygroundBotSettings[], received: string[] = []): PlaygroundBot {
  return {
    async register(settings) {
      seen.push(settings);
      const url = `${settings.apiUrl}/v10/applications/${settings.applicationId}/guilds/${settings.guildId}/commands`;
      const body = [{ name: 'echo', description: 'Says it back', options: [{ type: 3, name: 'text', description: 'What to say' }] }];
      const response = await fetch(url, { method: 'PUT', headers: { authorization: `Bot ${settings.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`register failed: ${response.status}`);
    },
    async start(settings) {
      const client: Client = createBotClient({ apiUrl: settings.apiUrl, messageContent: settings.messageContent });
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply({ content: `echo: ${interaction.options.getString('text') ?? ''}` });
      });
      client.on(Events.MessageCreate, (message) => {
        if (!message.author.bot) received.push(message.content);
      });
      await client.login(settings.token);
      return { stop: () => client.destroy() };
    },
  };
}

/** Types a plain message (no reply, no mention) in the channel from the page, as "you". */
async function typePlainly(playground: RunningPlayground, content: string): Promise<void> {
  const response = await fetch(`${playground.url}/api/message`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ viewer: playground.users.you.id, content }),
  });
  expect(response.status).toBe(200);
}

describe('startPlaygroundWith', () => {
  const seen: PlaygroundBotSettings[] = [];
  const received: string[] = [];
  let playground: RunningPlayground;

  beforeAll(async () => {
    playground = await startPlaygroundWith({ port: 0, logger: pino({ level: 'silent' }), page: BUILT_PLAYGROUND_PAGE, bot: echoBot(seen, received) });
  });
  afterAll(async () => playground.stop());

  it('GIVEN a start THEN the bot is given the local server as its Discord: its API, its token, the Playground guild', async () => {
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({
      apiUrl: playground.server.apiBaseUrl,
      token: playground.server.bot.token,
      applicationId: playground.server.bot.applicationId,
      guildId: expect.stringMatching(/^\d+$/),
      messageContent: false,
    });
  });

  it('GIVEN no setting THEN the app has no Message Content intent, like a new Discord app: a plain message reaches the bot without its text', async () => {
    await typePlainly(playground, 'why?');
    await expect.poll(() => received).toEqual(['']);
  });

  it('GIVEN the page THEN it shows #python-help in Playground, two people, and the commands the bot registered', async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const state = (await (await fetch(`${playground.url}/api/state`)).json()) as PageState;
    expect(state.guildName).toBe('Playground');
    expect(state.channel.name).toBe('python-help');
    expect(state.users.map((user) => user.name)).toEqual(['you', 'a stranger']);
    expect(state.commands).toEqual([{ name: 'echo', description: 'Says it back', options: [{ name: 'text', description: 'What to say', type: 'string' }] }]);
  });

  it('GIVEN a slash command from the page THEN the bot answers through the local server and the answer is in the channel', async () => {
    const response = await fetch(`${playground.url}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ viewer: playground.users.stranger.id, name: 'echo', options: { text: '<b>hi</b>' } }),
    });
    expect(response.status).toBe(200);
    const state = (await (await fetch(`${playground.url}/api/state?viewer=${playground.users.you.id}`)).json()) as PageState;
    expect(state.messages.at(-1)?.content).toBe('echo: <b>hi</b>');
    expect(playground.server.violations).toEqual([]);
    expect(playground.server.internalErrors).toEqual([]);
  });
});

describe('startPlaygroundWith with the Message Content intent', () => {
  const seen: PlaygroundBotSettings[] = [];
  const received: string[] = [];
  let playground: RunningPlayground;

  beforeAll(async () => {
    playground = await startPlaygroundWith({ port: 0, logger: pino({ level: 'silent' }), page: BUILT_PLAYGROUND_PAGE, bot: echoBot(seen, received), messageContent: true });
  });
  afterAll(async () => playground.stop());

  it('GIVEN messageContent THEN the app has the intent, the bot asks for it, and a plain message reaches the bot with its text', async () => {
    expect(seen.map((settings) => settings.messageContent)).toEqual([true]);
    await typePlainly(playground, 'why?');
    await expect.poll(() => received).toEqual(['why?']);
    expect(playground.server.violations).toEqual([]);
  });
});

describe('startPlaygroundWith on a busy port', () => {
  it('GIVEN the port is taken THEN says so with what to do, and leaves nothing running', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    let stopped = 0;
    const bot = echoBot([]);
    const counting: PlaygroundBot = {
      register: bot.register,
      start: async (settings) => {
        const running = await bot.start(settings);
        return { stop: async () => void (stopped++, await running.stop()) };
      },
    };
    try {
      await expect(startPlaygroundWith({ port, logger: pino({ level: 'silent' }), page: BUILT_PLAYGROUND_PAGE, bot: counting })).rejects.toThrow(
        `Port ${port} is already in use`,
      );
      expect(stopped).toBe(1);
    } finally {
      blocker.close();
    }
  });
});
