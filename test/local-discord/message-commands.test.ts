import { DiscordAPIError, Events, Routes, type APIApplicationCommand, type APIMessage, type Interaction, type MessageContextMenuCommandInteraction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.ts';
import { connect, endSession, guildWithUser, recordDispatches, type Dispatch, type Session } from './harness.ts';

/*
 * Discord's documented rules for message context-menu commands (application command type 3):
 * how they are registered, and what the bot receives when a user runs one on a message. Each test
 * is named after the rule it enforces.
 */

type Json = Record<string, unknown>;

const ASK = 'Ask the concurrency guide';
const messageCommand = (over: Json = {}): Json => ({ name: ASK, type: 3, contexts: [0, 1], integration_types: [0], ...over });
const slashCommand = { name: 'guide', description: 'Start the guide' };

/** Overwrites the guild's commands in one PUT; resolves with Discord's answer or its error. */
const overwrite = (session: Session, guildId: string, body: unknown[]) =>
  session.client.rest.put(Routes.applicationGuildCommands(session.discord.bot.applicationId, guildId), { body }).then(
    (commands) => ({ commands: commands as APIApplicationCommand[], error: undefined }),
    (error: unknown) => ({ commands: undefined, error: error as DiscordAPIError }),
  );

function errorsAt(error: DiscordAPIError | undefined, path: readonly string[]): unknown[] | undefined {
  const errors = (error?.rawError as { errors?: unknown } | undefined)?.errors;
  return (path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { _errors?: unknown[] } | undefined)?._errors;
}

/** A user who shares a server with the bot, so the server's installation reaches their DM with it. */
function memberOfAGuild(session: Session, username: string) {
  const user = session.discord.createUser(username);
  session.discord.addMember(session.discord.createGuild().id, user.id);
  return user;
}

const messageCommandDispatches = (seen: readonly Dispatch[]) =>
  seen.filter((dispatch) => dispatch.t === 'INTERACTION_CREATE' && (dispatch.d as Json)['type'] === 2 && ((dispatch.d as Json)['data'] as Json)['type'] === 3).map((dispatch) => dispatch.d as Json);

describe('registering message commands', () => {
  let session: Session | undefined;
  let refused = 0;
  afterEach(async () => {
    const [ending, expectedRefusals] = [session, refused];
    session = undefined;
    refused = 0;
    await ending?.close();
    expect(ending?.discord.violations).toHaveLength(expectedRefusals);
    expect(ending?.discord.internalErrors).toEqual([]);
  });

  const refusedAt = async (command: Json, path: string[]) => {
    session ??= await connect();
    const { error } = await overwrite(session, session.discord.createGuild().id, [command]);
    refused += 1;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error?.code).toBe(50035);
    expect(errorsAt(error, path)?.length).toBeGreaterThan(0);
  };

  it("A message command's name may hold spaces and capitals, and Discord returns an empty description", async () => {
    session = await connect();
    const { commands, error } = await overwrite(session, session.discord.createGuild().id, [messageCommand()]);
    expect(error).toBeUndefined();
    expect(commands?.[0]).toMatchObject({ name: ASK, type: 3, description: '', contexts: [0, 1], integration_types: [0] });
  });

  it("A message command's name is at most 32 characters", () => refusedAt(messageCommand({ name: 'A'.repeat(33) }), ['0', 'name']));

  it("A message command's name is not empty", () => refusedAt(messageCommand({ name: '' }), ['0', 'name']));

  it('A message command has no description', () => refusedAt(messageCommand({ description: 'Asks the guide about a message' }), ['0', 'description']));

  it('A message command has no options', () => refusedAt(messageCommand({ options: [{ type: 3, name: 'topic', description: 'Topic' }] }), ['0', 'options']));

  it('An app has at most 15 message commands', async () => {
    session = await connect();
    const guildId = session.discord.createGuild().id;
    const fifteen = Array.from({ length: 15 }, (_, index) => messageCommand({ name: `Ask ${index}` }));
    expect((await overwrite(session, guildId, fifteen)).error).toBeUndefined();
    const { error } = await overwrite(session, guildId, [...fifteen, messageCommand({ name: 'One too many' })]);
    refused = 1;
    expect(error?.code).toBe(50035);
    // Slash commands count apart: 15 message commands and a slash command fit together.
    expect((await overwrite(session, guildId, [...fifteen, slashCommand])).error).toBeUndefined();
  });

  it('Message commands are registered with the same bulk overwrite as slash commands, keep their ids, and are runnable only as message commands', async () => {
    session = await connect();
    const { guild, channel, actor } = guildWithUser(session.discord);
    const first = await overwrite(session, guild.id, [slashCommand, messageCommand()]);
    const second = await overwrite(session, guild.id, [slashCommand, messageCommand()]);
    expect(second.commands?.map((command) => [command.name, command.type, command.id])).toEqual(first.commands?.map((command) => [command.name, command.type, command.id]));
    // A slash command and a message command may share a name; each is found only as its own kind.
    await overwrite(session, guild.id, [slashCommand, messageCommand(), messageCommand({ name: 'guide' })]);
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests');
    await expect(actor.runSlashCommand(channel.id, ASK)).rejects.toThrow(DriverError);
    await expect(actor.runMessageCommand(target.id, 'Nope')).rejects.toThrow(/no message command "Nope".*"Ask the concurrency guide", "guide"/);
    expect(session.discord.registeredCommands(guild.id).map((command) => command.name)).toEqual(['guide']);
  });
});

describe('running a message command', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  /** A session whose bot registered the message command and answers it with `answer`. */
  const start = async (answer: (interaction: MessageContextMenuCommandInteraction) => Promise<unknown>, command: Json = messageCommand()) => {
    session = await connect();
    const seen = recordDispatches(session.client);
    const world = guildWithUser(session.discord);
    await session.client.application?.commands.set([slashCommand, command as never], world.guild.id);
    const botErrors: unknown[] = [];
    session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (interaction.isMessageContextMenuCommand()) answer(interaction).catch((error: unknown) => botErrors.push(error));
    });
    return { ...world, seen, botErrors, session };
  };

  it('A message command arrives as an APPLICATION_COMMAND with data.type 3, the target id and the resolved message and author', async () => {
    const { guild, channel, user, actor, seen } = await start((interaction) => interaction.reply({ content: 'ok' }));
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests');
    await actor.runMessageCommand(target.id, ASK);
    const [invocation] = messageCommandDispatches(seen);
    expect(invocation).toMatchObject({
      type: 2,
      guild_id: guild.id,
      channel_id: channel.id,
      channel: { id: channel.id },
      member: { user: { id: user.id } },
      context: 0,
      authorizing_integration_owners: { '0': guild.id },
      data: {
        name: ASK,
        type: 3,
        target_id: target.id,
        guild_id: guild.id,
        resolved: { messages: { [target.id]: { id: target.id, channel_id: channel.id, author: { id: user.id } } }, users: { [user.id]: { id: user.id, username: 'ada' } } },
      },
    });
    expect((invocation?.['data'] as Json)['id']).toMatch(/^\d+$/);
    expect(invocation).not.toHaveProperty('message');
  });

  it("A message command's target arrives with its content even without the Message Content intent, while gateway events stay gated", async () => {
    const { channel, actor, seen } = await start((interaction) => interaction.reply({ content: 'ok' }));
    const plain = await actor.sendMessage(channel.id, 'a question without a mention');
    // The target replies to a message of its own, also unmentioned: that one is judged on its own.
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests', { replyTo: plain.id });
    await actor.runMessageCommand(target.id, ASK);
    const [invocation] = messageCommandDispatches(seen);
    const resolved = (((invocation?.['data'] as Json)['resolved'] as Json)['messages'] as Record<string, APIMessage>)[target.id];
    expect(resolved?.content).toBe('my scraper downloads 500 URLs with requests');
    expect(resolved?.referenced_message?.content).toBe('');
    const created = seen.find((dispatch) => dispatch.t === 'MESSAGE_CREATE' && (dispatch.d as APIMessage).id === target.id)?.d as APIMessage | undefined;
    expect(created?.content).toBe('');
  });

  it("A message command's target keeps its embeds, attachments and components", async () => {
    const { channel, seen, actor, session: running } = await start((interaction) => interaction.reply({ content: 'ok' }));
    const posted = (await running.client.rest.post(Routes.channelMessages(channel.id), {
      body: { content: 'a guide', embeds: [{ title: 'Step 1' }], components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'next', label: 'Next' }] }] },
    })) as APIMessage;
    await actor.runMessageCommand(posted.id, ASK);
    const [invocation] = messageCommandDispatches(seen);
    const resolved = (((invocation?.['data'] as Json)['resolved'] as Json)['messages'] as Record<string, APIMessage>)[posted.id];
    expect(resolved).toMatchObject({ content: 'a guide', embeds: [{ title: 'Step 1' }], components: [{ type: 1, components: [{ custom_id: 'next' }] }], author: { id: running.discord.bot.userId, bot: true } });
  });

  it('A message command is offered only where its contexts allow it', async () => {
    const { session: running } = await start((interaction) => interaction.reply({ content: 'in a DM' }));
    // Global, so the DM sees it, but offered in guilds only.
    await running.client.application?.commands.set([messageCommand({ contexts: [0] }) as never]);
    const alan = running.discord.as(memberOfAGuild(running, 'alan'));
    const dm = await alan.sendDm('why threads?');
    await expect(alan.runMessageCommand(dm.id, ASK)).rejects.toThrow(/"Ask the concurrency guide" is not offered in DMs/);
  });

  it('A message command allowed in DMs runs on a DM message, with the user in place of the member', async () => {
    const { seen, session: running } = await start((interaction) => interaction.reply({ content: `about: ${interaction.targetMessage.content}` }));
    // Global, so the DM sees it; guild commands only exist in their guild.
    await running.client.application?.commands.set([messageCommand() as never]);
    const alan = running.discord.as(memberOfAGuild(running, 'alan'));
    const dm = await alan.sendDm('why threads?');
    const answer = await alan.runMessageCommand(dm.id, ASK);
    expect(answer).toMatchObject({ content: 'about: why threads?', channelId: alan.dmChannelId() });
    const [invocation] = messageCommandDispatches(seen);
    expect(invocation).toMatchObject({ context: 1, user: { id: alan.user.id } });
    expect(invocation).not.toHaveProperty('member');
    expect(invocation?.['data']).not.toHaveProperty('guild_id');
  });

  it("A message command's answer is a message (type 23), a reply or a deferral and its edit", async () => {
    let deferred = false;
    const { channel, actor, session: running } = await start(async (interaction) => {
      if (!deferred) return interaction.reply({ content: 'at once' });
      await interaction.deferReply();
      return interaction.editReply({ content: 'after drawing a picture' });
    });
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests');
    const first = await actor.runMessageCommand(target.id, ASK);
    deferred = true;
    const second = await actor.runMessageCommand(target.id, ASK);
    expect([first.content, second.content, second.loading]).toEqual(['at once', 'after drawing a picture', false]);
    const fetched = (await running.client.rest.get(Routes.channelMessage(channel.id, first.id))) as APIMessage & { interaction_metadata?: Json };
    expect(fetched.type).toBe(23);
    expect(fetched.interaction_metadata).toMatchObject({ type: 2, target_message_id: target.id, user: { id: actor.user.id } });
  });

  it('A message command cannot be answered by updating a message (6 and 7 are for components)', async () => {
    const errors: unknown[] = [];
    const { channel, actor, session: running } = await start(async (interaction) => {
      for (const body of [{ type: 7, data: { content: 'x' } }, { type: 6 }]) {
        await running.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false }).catch((error: unknown) => errors.push(error));
      }
      await interaction.reply({ content: 'a reply instead' });
    });
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests');
    expect((await actor.runMessageCommand(target.id, ASK)).content).toBe('a reply instead');
    expect(errors.map((error) => (error as DiscordAPIError).code)).toEqual([50035, 50035]);
    expect(running.discord.violations.map((violation) => violation.code)).toEqual([50035, 50035]);
    session = undefined;
    await running.close();
  });

  it('runMessageCommand refuses a message the user cannot see, and a bot that opens a modal instead', async () => {
    const { guild, channel, actor, session: running } = await start((interaction) =>
      interaction.showModal({ custom_id: 'about', title: 'About this message', components: [{ type: 18, label: 'Why?', component: { type: 4, custom_id: 'why', style: 1 } }] } as never),
    );
    const bob = running.discord.createUser('bob');
    running.discord.addMember(guild.id, bob.id);
    const secret = await running.discord.as(bob).sendDm('just for the bot');
    await expect(actor.runMessageCommand(secret.id, ASK)).rejects.toThrow(/another user's DM/);
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests');
    await expect(actor.runMessageCommand(target.id, ASK)).rejects.toThrow(/modal \("About this message"\).*openModalFromMessageCommand/);
    const opened = await actor.openModalFromMessageCommand(target.id, ASK);
    expect(opened.fields.map((field) => field.customId)).toEqual(['why']);
    opened.close();
  });

  it('discord.js reads interaction.targetMessage.content and .author of the target', async () => {
    const { channel, actor } = await start((interaction) => {
      const target = interaction.targetMessage;
      return interaction.reply({ content: `${target.author.username} wrote: ${target.content} (${interaction.targetId === target.id ? 'same id' : 'other id'})` });
    });
    const target = await actor.sendMessage(channel.id, 'my scraper downloads 500 URLs with requests');
    const answer = await actor.runMessageCommand(target.id, ASK);
    expect(answer.content).toBe('ada wrote: my scraper downloads 500 URLs with requests (same id)');
  });
});
