import { Events, GatewayIntentBits, Routes, type Message } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { baseIntents, botSays, connect, guildWithUser, nextEvent, endSession, type Session } from './harness.ts';

describe('typed messages with a bare discord.js client', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  const replyToWhy = (s: Session) =>
    s.client.on(Events.MessageCreate, (message: Message) => {
      if (message.author.bot || !message.content.includes('why')) return;
      message.reply(`because (you said: ${message.content})`).catch((error: unknown) => console.error(error));
    });

  it('GIVEN no MESSAGE_CONTENT intent WHEN a user types in a channel THEN the bot gets the message with its content emptied', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const received = nextEvent<[Message]>(session.client, Events.MessageCreate);
    const sent = await actor.sendMessage(channel.id, 'why is the GIL a thing?');
    const [message] = await received;
    expect(message.id).toBe(sent.id);
    expect(message.content).toBe('');
  });

  it('GIVEN no MESSAGE_CONTENT intent WHEN a user mentions the bot THEN the bot reads the content and its reply references the message', async () => {
    session = await connect();
    replyToWhy(session);
    const { channel, actor } = guildWithUser(session.discord);
    const sent = await actor.sendMessage(channel.id, 'why threads?', { mentionBot: true });
    const answer = await actor.waitForBotMessage({ channelId: channel.id });
    expect(answer.content).toBe(`because (you said: <@${session.discord.bot.userId}> why threads?)`);
    expect(answer.reference).toBe(sent.id);
    expect(sent.mentions).toEqual([session.discord.bot.userId]);
  });

  it('GIVEN no MESSAGE_CONTENT intent WHEN a user replies to the bot THEN the reply pings the bot and its content arrives', async () => {
    session = await connect();
    replyToWhy(session);
    const { channel, actor } = guildWithUser(session.discord);
    const announced = await botSays(session.client, channel.id, 'Ask me why');
    const sent = await actor.sendMessage(channel.id, 'why?', { replyTo: announced.id });
    expect(sent.reference).toBe(announced.id);
    const answer = await actor.waitForBotMessage({ channelId: channel.id, after: sent.id });
    expect(answer.content).toBe('because (you said: why?)');
  });

  it('GIVEN a reply that does not ping the bot WHEN the bot lacks MESSAGE_CONTENT THEN the content stays hidden', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const announced = await botSays(session.client, channel.id, 'Ask me why');
    // The bot's own message may still be on its way; wait for the member's.
    const received = nextEvent<[Message]>(session.client, Events.MessageCreate, 5_000, (message) => !message.author.bot);
    await actor.sendMessage(channel.id, 'why?', { replyTo: announced.id, pingRepliedAuthor: false });
    const [message] = await received;
    expect(message.content).toBe('');
  });

  it('GIVEN the MESSAGE_CONTENT intent granted WHEN a user types in a channel THEN the bot reads the content', async () => {
    session = await connect({ messageContent: true }, { intents: [...baseIntents, GatewayIntentBits.MessageContent] });
    replyToWhy(session);
    const { channel, actor } = guildWithUser(session.discord);
    await actor.sendMessage(channel.id, 'why processes?');
    const answer = await actor.waitForBotMessage({ channelId: channel.id });
    expect(answer.content).toBe('because (you said: why processes?)');
  });

  it('GIVEN no MESSAGE_CONTENT intent WHEN a user sends a DM THEN the bot reads it and answers in the DM', async () => {
    session = await connect();
    replyToWhy(session);
    const user = session.discord.createUser('grace');
    const actor = session.discord.as(user);
    await actor.sendDm('why asyncio?');
    const answer = await actor.waitForBotMessage({ channelId: actor.dmChannelId() });
    expect(answer.content).toBe('because (you said: why asyncio?)');
  });

  it('GIVEN a user WHEN the bot opens a DM with them THEN the user sees the message in their DM channel', async () => {
    session = await connect();
    const user = session.discord.createUser('linus');
    const target = await session.client.users.fetch(user.id);
    expect(target.username).toBe('linus');
    await target.send('hello from the bot');
    expect(session.discord.as(user).view(session.discord.as(user).dmChannelId()).map((message) => message.content)).toEqual(['hello from the bot']);
  });

  it('GIVEN a bot message WHEN the bot edits, lists and deletes through discord.js THEN users see each change', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const posted = await botSays(session.client, channel.id, 'draft');
    await posted.edit('final');
    expect(actor.view(channel.id).map((message) => [message.content, message.editedAt !== undefined])).toEqual([['final', true]]);
    await actor.sendMessage(channel.id, 'thanks');
    const fetched = await posted.channel.messages.fetch({ limit: 10 });
    expect([...fetched.values()].map((message) => message.id)).toEqual([...actor.view(channel.id)].reverse().map((message) => message.id));
    await posted.delete();
    expect(actor.view(channel.id).map((message) => message.content)).toEqual(['thanks']);
  });
});

describe('refusals on messages', () => {
  it("GIVEN a user's message WHEN the bot tries to edit it THEN Discord refuses with 50005", async () => {
    const session = await connect();
    try {
      const { channel, actor } = guildWithUser(session.discord);
      const sent = await actor.sendMessage(channel.id, 'mine');
      await expect(session.client.rest.patch(Routes.channelMessage(channel.id, sent.id), { body: { content: 'yours' } })).rejects.toMatchObject({ code: 50005, status: 403 });
      expect(actor.view(channel.id)[0]?.content).toBe('mine');
      expect(session.discord.violations).toEqual([expect.objectContaining({ method: 'PATCH', code: 50005 })]);
    } finally {
      await session.close();
    }
  });
});
