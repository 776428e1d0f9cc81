import { Events, GatewayIntentBits, Routes, type APIMessage, type Client, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { apiMessage } from '../../src/local-discord/api-objects.ts';
import { withoutContent } from '../../src/local-discord/message-content.ts';
import { World, type StoredMessage } from '../../src/local-discord/world.ts';
import { baseIntents, botSays, connect, endSession, guildWithUser, recordDispatches, type Dispatch, type Session } from './harness.ts';

/*
 * Discord's rules for an app without the privileged Message Content intent (1 << 15): the content,
 * embeds, attachments and components of a message are empty, in gateway events and in REST answers,
 * except for the app's own messages, DMs, and messages that mention it. Each test is named after the
 * rule it enforces.
 */

/** The message object of the first `t` dispatch about message `id`, once it has arrived. */
async function dispatched(seen: readonly Dispatch[], t: string, id: string): Promise<APIMessage> {
  const find = () => seen.find((dispatch) => dispatch.t === t && (dispatch.d as APIMessage).id === id)?.d as APIMessage | undefined;
  await expect.poll(find, { timeout: 5_000 }).toBeDefined();
  return find() as APIMessage;
}

const getMessage = (client: Client, channelId: string, messageId: string) => client.rest.get(Routes.channelMessage(channelId, messageId)) as Promise<APIMessage>;
const listMessages = (client: Client, channelId: string) => client.rest.get(Routes.channelMessages(channelId)) as Promise<APIMessage[]>;

const askCommand = { name: 'ask', description: 'Answers, then follows up' };

/** Registers /ask; the bot answers it with a response and one follow-up, and answers any button with an update. */
async function answerInteractions(session: Session, guildId: string): Promise<void> {
  await session.client.application?.commands.set([askCommand], guildId);
  session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const answer = async () => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'the answer' });
        await interaction.followUp({ content: 'one more thing' });
      } else if (interaction.isButton()) {
        await interaction.update({ content: 'clicked' });
      }
    };
    answer().catch((error: unknown) => console.error(error));
  });
}

describe('message content without the privileged intent, as Discord documents it', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  it("Without the intent, a message's content is empty in MESSAGE_CREATE", async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const { channel, actor } = guildWithUser(session.discord);
    const sent = await actor.sendMessage(channel.id, 'why is the GIL a thing?');
    const message = await dispatched(seen, 'MESSAGE_CREATE', sent.id);
    expect(message).toMatchObject({ content: '', embeds: [], attachments: [], components: [] });
    expect(message).not.toHaveProperty('poll');
    // Everything else still arrives: who wrote it, where, and when.
    expect(message.author.id).toBe(sent.authorId);
    expect(message.channel_id).toBe(channel.id);
  });

  it('Without the intent, embeds, attachments and components are empty and poll is absent', () => {
    const world = new World();
    world.addUser({ id: '100000000000000001', username: 'bot', bot: true });
    world.addUser({ id: '100000000000000002', username: 'ada', bot: false });
    world.addChannel({ id: '100000000000000003', guildId: '100000000000000004', name: 'general', type: 0 });
    const message: StoredMessage = {
      id: '100000000000000005',
      channelId: '100000000000000003',
      guildId: '100000000000000004',
      authorId: '100000000000000002',
      type: 0,
      createdAt: Date.UTC(2025, 0, 1),
      content: 'look at this',
      embeds: [{ title: 'an embed' }],
      components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'x', label: 'X' }] }],
      attachments: [{ id: '100000000000000006', filename: 'notes.txt', data: Buffer.from('hello') }],
      flags: 0,
      mentions: [],
    };
    const reader = { botUserId: '100000000000000001', messageContent: false };
    expect(apiMessage(message, world, 'http://127.0.0.1:1', reader)).toMatchObject({ content: '', embeds: [], attachments: [], components: [] });
    expect(apiMessage(message, world, 'http://127.0.0.1:1', { ...reader, messageContent: true })).toMatchObject({
      content: 'look at this',
      embeds: [{ title: 'an embed' }],
      attachments: [{ filename: 'notes.txt' }],
      components: [{ type: 1 }],
    });
    // The server stores no polls yet; the gate drops one all the same.
    expect(withoutContent({ id: '1', content: 'which?', poll: { question: { text: 'which?' } } })).not.toHaveProperty('poll');
  });

  it('A reply-ping to an interaction response does not grant its content', async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const { guild, channel, actor } = guildWithUser(session.discord);
    await answerInteractions(session, guild.id);
    const response = await actor.runSlashCommand(channel.id, 'ask');
    const followUp = await actor.waitForBotMessage({ channelId: channel.id, after: response.id });
    for (const target of [response, followUp]) {
      const sent = await actor.sendMessage(channel.id, 'why?', { replyTo: target.id });
      // Discord still pings the bot (it is in `mentions`); only the content stays hidden.
      expect(sent.mentions).toEqual([session.discord.bot.userId]);
      const message = await dispatched(seen, 'MESSAGE_CREATE', sent.id);
      expect(message.mentions.map((user) => user.id)).toEqual([session.discord.bot.userId]);
      expect(message.content).toBe('');
      expect((await getMessage(session.client, channel.id, sent.id)).content).toBe('');
    }
  });

  it("A reply-ping to the bot's own ordinary message grants its content", async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const { channel, actor } = guildWithUser(session.discord);
    const announced = await botSays(session.client, channel.id, 'Ask me why');
    const sent = await actor.sendMessage(channel.id, 'why?', { replyTo: announced.id });
    expect((await dispatched(seen, 'MESSAGE_CREATE', sent.id)).content).toBe('why?');
    expect((await getMessage(session.client, channel.id, sent.id)).content).toBe('why?');
    // Without the ping there is no mention, and so no content.
    const unpinged = await actor.sendMessage(channel.id, 'why not?', { replyTo: announced.id, pingRepliedAuthor: false });
    expect((await dispatched(seen, 'MESSAGE_CREATE', unpinged.id)).content).toBe('');
  });

  it('REST GET message is gated like the gateway', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const plain = await actor.sendMessage(channel.id, 'a plain message');
    const mention = await actor.sendMessage(channel.id, 'hello', { mentionBot: true });
    expect((await getMessage(session.client, channel.id, plain.id)).content).toBe('');
    expect((await getMessage(session.client, channel.id, mention.id)).content).toBe(`<@${session.discord.bot.userId}> hello`);
    const listed = await listMessages(session.client, channel.id);
    expect(listed.map((message) => [message.id, message.content])).toEqual([
      [mention.id, `<@${session.discord.bot.userId}> hello`],
      [plain.id, ''],
    ]);
  });

  it('referenced_message is gated', async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const { channel, actor } = guildWithUser(session.discord);
    const plain = await actor.sendMessage(channel.id, 'a question without a mention');
    const button = { type: 1, components: [{ type: 2, style: 1, custom_id: 'more', label: 'More' }] };
    const answer = (await session.client.rest.post(Routes.channelMessages(channel.id), {
      body: { content: 'an answer', message_reference: { message_id: plain.id }, components: [button] },
    })) as APIMessage;
    // The bot's own reply keeps its content; the message it replies to is judged on its own.
    expect(answer.content).toBe('an answer');
    expect(answer.referenced_message?.content).toBe('');
    expect((await dispatched(seen, 'MESSAGE_CREATE', answer.id)).referenced_message?.content).toBe('');
    expect((await getMessage(session.client, channel.id, answer.id)).referenced_message?.content).toBe('');
    const edited = (await session.client.rest.patch(Routes.channelMessage(channel.id, answer.id), { body: { content: 'a better answer' } })) as APIMessage;
    expect(edited.referenced_message?.content).toBe('');
    expect((await dispatched(seen, 'MESSAGE_UPDATE', answer.id)).referenced_message?.content).toBe('');

    // The message of a component interaction carries the same gated reference.
    session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (interaction.isButton()) interaction.update({ content: 'clicked' }).catch((error: unknown) => console.error(error));
    });
    await actor.clickButton(answer.id, { label: 'More' });
    const click = seen.find((dispatch) => dispatch.t === 'INTERACTION_CREATE')?.d as { message?: APIMessage } | undefined;
    expect(click?.message?.content).toBe('a better answer');
    expect(click?.message?.referenced_message?.content).toBe('');

    // A replied-to message that mentions the bot keeps its content inside the reply too.
    const mention = await actor.sendMessage(channel.id, 'why?', { mentionBot: true });
    const second = (await session.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'because', message_reference: { message_id: mention.id } } })) as APIMessage;
    expect(second.referenced_message?.content).toBe(`<@${session.discord.bot.userId}> why?`);
  });

  it("The bot's own messages keep their content", async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const { guild, channel, actor } = guildWithUser(session.discord);
    await answerInteractions(session, guild.id);
    const posted = (await session.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'posted', embeds: [{ title: 'an embed' }] } })) as APIMessage;
    const response = await actor.runSlashCommand(channel.id, 'ask');
    const followUp = await actor.waitForBotMessage({ channelId: channel.id, after: response.id });
    const expected: [string, string][] = [
      [posted.id, 'posted'],
      [response.id, 'the answer'],
      [followUp.id, 'one more thing'],
    ];
    for (const [id, content] of expected) {
      expect((await dispatched(seen, 'MESSAGE_CREATE', id)).content).toBe(content);
      expect((await getMessage(session.client, channel.id, id)).content).toBe(content);
    }
    expect((await dispatched(seen, 'MESSAGE_CREATE', posted.id)).embeds).toMatchObject([{ title: 'an embed' }]);
  });

  it('DMs keep their content', async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const user = session.discord.createUser('grace');
    const actor = session.discord.as(user);
    const sent = await actor.sendDm('why asyncio?');
    expect((await dispatched(seen, 'MESSAGE_CREATE', sent.id)).content).toBe('why asyncio?');
    expect((await getMessage(session.client, actor.dmChannelId(), sent.id)).content).toBe('why asyncio?');
  });

  it('An explicit mention keeps the content', async () => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const { guild, channel, actor } = guildWithUser(session.discord);
    await answerInteractions(session, guild.id);
    const botId = session.discord.bot.userId;
    const mention = await actor.sendMessage(channel.id, 'why threads?', { mentionBot: true });
    const nickname = await actor.sendMessage(channel.id, `<@!${botId}> why processes?`);
    // An explicit mention also counts in a reply to an interaction response, where the ping alone does not.
    const response = await actor.runSlashCommand(channel.id, 'ask');
    const reply = await actor.sendMessage(channel.id, 'why?', { replyTo: response.id, mentionBot: true });
    const expected: [string, string][] = [
      [mention.id, `<@${botId}> why threads?`],
      [nickname.id, `<@!${botId}> why processes?`],
      [reply.id, `<@${botId}> why?`],
    ];
    for (const [id, content] of expected) {
      expect((await dispatched(seen, 'MESSAGE_CREATE', id)).content).toBe(content);
      expect((await getMessage(session.client, channel.id, id)).content).toBe(content);
    }
  });

  it('With the intent every message keeps its content', async () => {
    session = await connect({ messageContent: true }, { intents: [...baseIntents, GatewayIntentBits.MessageContent] });
    const seen = recordDispatches(session.client);
    const { guild, channel, actor } = guildWithUser(session.discord);
    await answerInteractions(session, guild.id);
    const plain = await actor.sendMessage(channel.id, 'a plain message');
    const response = await actor.runSlashCommand(channel.id, 'ask');
    const reply = await actor.sendMessage(channel.id, 'why?', { replyTo: response.id });
    for (const [id, content] of [
      [plain.id, 'a plain message'],
      [reply.id, 'why?'],
    ] as const) {
      expect((await dispatched(seen, 'MESSAGE_CREATE', id)).content).toBe(content);
      expect((await getMessage(session.client, channel.id, id)).content).toBe(content);
    }
    const answer = (await session.client.rest.post(Routes.channelMessages(channel.id), { body: { content: 'noted', message_reference: { message_id: plain.id } } })) as APIMessage;
    expect(answer.referenced_message?.content).toBe('a plain message');
  });

  it("REST reads follow the app's Message Content setting, not the intents a gateway session asked for", async () => {
    // The app has the intent enabled (the portal switch) but this session did not ask for it.
    session = await connect({ messageContent: true });
    const seen = recordDispatches(session.client);
    const { channel, actor } = guildWithUser(session.discord);
    const plain = await actor.sendMessage(channel.id, 'a plain message');
    expect((await dispatched(seen, 'MESSAGE_CREATE', plain.id)).content).toBe('');
    expect((await getMessage(session.client, channel.id, plain.id)).content).toBe('a plain message');
  });
});
