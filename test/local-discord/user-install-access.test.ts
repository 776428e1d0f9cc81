import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, endSession, type Session } from './harness.ts';
import { endScene, eventually, interactionsSeen, userInstallScene, type Scene } from './user-install-scene.ts';

/*
 * Where only a user installed the app (a server without the bot, a DM between users, a group DM)
 * the bot is not there: its REST calls on those channels get 403 50001 Missing Access and its
 * gateway hears nothing from them. It still answers through each interaction's token: the
 * response, follow-ups, edits of @original and of the clicked message, and deleting @original.
 */

const row = (...labels: string[]) => new ActionRowBuilder<ButtonBuilder>().addComponents(labels.map((label) => new ButtonBuilder().setCustomId(label.toLowerCase()).setLabel(label).setStyle(ButtonStyle.Secondary)));

describe('what the bot can reach where only a user installed the app', () => {
  let scene: Scene | undefined;
  let refusals: number[] = [];
  afterEach(async () => {
    await endScene(scene, refusals);
    scene = undefined;
    refusals = [];
  });

  it('GIVEN a server without the bot, a group DM and a DM between users WHEN the bot reads, posts, edits or types there with its token THEN each answers 403 50001', async () => {
    scene = await userInstallScene();
    const { rest } = scene.session.client;
    const posted = await scene.discord.as(scene.bob).sendMessage(scene.outsideChannel.id, 'a question');
    const attempts: [string, () => Promise<unknown>][] = [];
    for (const channelId of [scene.outsideChannel.id, scene.group.id, scene.dm.id]) {
      attempts.push(
        ['GET channel', () => rest.get(Routes.channel(channelId))],
        ['GET messages', () => rest.get(Routes.channelMessages(channelId))],
        ['POST message', () => rest.post(Routes.channelMessages(channelId), { body: { content: 'hello' } })],
        ['typing', () => rest.post(Routes.channelTyping(channelId))],
      );
    }
    attempts.push(
      ['GET one message', () => rest.get(Routes.channelMessage(scene?.outsideChannel.id ?? '', posted.id))],
      ['DELETE a message', () => rest.delete(Routes.channelMessage(scene?.outsideChannel.id ?? '', posted.id))],
    );
    for (const [what, attempt] of attempts) {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, what).toBeInstanceOf(DiscordAPIError);
      expect(error, what).toMatchObject({ status: 403, code: 50001 });
    }
    refusals = attempts.map(() => 50001);
    expect(scene.discord.messages(scene.outsideChannel.id).map((message) => message.content)).toEqual(['a question']);
  });

  it('GIVEN such places WHEN users create them, join them and talk there THEN the bot receives no dispatch; a command there brings only its INTERACTION_CREATE', async () => {
    scene = await userInstallScene();
    const before = scene.seen.length;
    const elsewhere = scene.discord.createGuild('Also without the bot', { withBot: false });
    const channel = scene.discord.createChannel(elsewhere.id);
    scene.discord.addMember(elsewhere.id, scene.ada.id);
    await scene.discord.as(scene.ada).sendMessage(channel.id, 'hi');
    await scene.discord.as(scene.bob).sendMessage(scene.group.id, 'hi all');
    await scene.discord.as(scene.bob).sendMessage(scene.dm.id, 'hi ada');
    scene.answer(async (interaction) => (interaction.isChatInputCommand() ? interaction.reply('answered') : undefined));
    await scene.discord.as(scene.ada).runSlashCommand(channel.id, 'guide');
    await scene.discord.as(scene.ada).runSlashCommand(scene.group.id, 'guide');
    expect(scene.seen.slice(before).map((dispatch) => dispatch.t)).toEqual(['INTERACTION_CREATE', 'INTERACTION_CREATE']);
    expect(scene.session.client.guilds.cache.has(elsewhere.id)).toBe(false);
  });

  it('GIVEN a group DM WHEN the bot answers through the token: reply, follow-up, edit of @original, an update on a click, and deferUpdate then deleteReply THEN the users see each, with no refusal', async () => {
    scene = await userInstallScene();
    const { ada, bob, group } = scene;
    scene.answer(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'step 1', components: [row('Next', 'Dismiss')] });
        await interaction.followUp('a follow-up');
        await interaction.editReply({ content: 'step 1 (edited)' });
      } else if (interaction.isButton() && interaction.customId === 'next') {
        await interaction.update({ content: 'step 2', components: [row('Dismiss')] });
      } else if (interaction.isButton()) {
        await interaction.deferUpdate();
        await interaction.deleteReply();
      }
    });
    const guide = await scene.discord.as(ada).runSlashCommand(group.id, 'guide');
    const contents = () => scene?.discord.messages(group.id).map((message) => message.content) ?? [];
    await eventually(() => contents().join() === 'step 1 (edited),a follow-up', 'the follow-up and the edit of @original');
    const step2 = await scene.discord.as(bob).clickButton(guide.id, { label: 'Next' });
    expect(step2).toMatchObject({ id: guide.id, content: 'step 2' });
    await scene.discord.as(bob).clickButtonToDelete(guide.id, { label: 'Dismiss' });
    expect(scene.discord.messages(group.id).map((message) => message.content)).toEqual(['a follow-up']);
  });

  it('GIVEN a server without the bot WHEN the bot defers and edits, then deletes @original through the webhook route THEN the member sees the answer come and go', async () => {
    scene = await userInstallScene();
    const { ada, outsideChannel } = scene;
    const webhookDeletes: number[] = [];
    scene.answer(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply('after thinking');
      await interaction.deleteReply();
      webhookDeletes.push(1);
    });
    const reply = await scene.discord.as(ada).runSlashCommand(outsideChannel.id, 'guide');
    expect(reply.content).toBe('after thinking');
    await eventually(() => webhookDeletes.length === 1, 'deleteReply');
    expect(scene.discord.messages(outsideChannel.id)).toEqual([]);
    const deletes = scene.discord.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => [request.route.replace(/\/\d+\/[^/]+\//, '/{app}/{token}/'), request.status])).toEqual([['/webhooks/{app}/{token}/messages/@original', 204]]);
  });
});

describe('message content where only a user installed the app', () => {
  let scene: Scene | undefined;
  afterEach(async () => {
    await endScene(scene);
    scene = undefined;
  });

  it('GIVEN a group DM WHEN a message command runs on a reply there THEN the target comes with its content, but the message it replies to is not a DM with the bot and stays gated', async () => {
    scene = await userInstallScene([{ name: 'Ask the guide', type: 3, integration_types: [1], contexts: [2] }]);
    scene.answer(async (interaction) => (interaction.isMessageContextMenuCommand() ? interaction.reply('noted') : undefined));
    const question = await scene.discord.as(scene.bob).sendMessage(scene.group.id, 'threads or asyncio?');
    const reply = await scene.discord.as(scene.ada).sendMessage(scene.group.id, 'ask the guide', { replyTo: question.id });
    await scene.discord.as(scene.ada).runMessageCommand(reply.id, 'Ask the guide');
    const [payload] = interactionsSeen(scene.seen);
    const target = (((payload?.['data'] as Record<string, unknown>)['resolved'] as Record<string, unknown>)['messages'] as Record<string, Record<string, unknown>>)[reply.id];
    expect(target).toMatchObject({ content: 'ask the guide', referenced_message: { id: question.id, content: '' } });
  });
});

describe('a server that added the bot (the default)', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  it('GIVEN a server created before login with and one without the bot THEN READY lists only the one with it', async () => {
    let withBot = '';
    let withoutBot = '';
    session = await connect({}, {}, (discord) => {
      withBot = discord.createGuild('Home').id;
      withoutBot = discord.createGuild('Elsewhere', { withBot: false }).id;
    });
    expect([...session.client.guilds.cache.keys()]).toEqual([withBot]);
    expect(withoutBot).not.toBe('');
  });

  it('GIVEN a Dismiss button WHEN the bot acknowledges the click and deletes its message through the channel THEN clickButtonToDelete resolves, and clickButton says to use it', async () => {
    session = await connect();
    const guild = session.discord.createGuild();
    const channel = session.discord.createChannel(guild.id);
    const ada = session.discord.createUser('ada');
    session.discord.addMember(guild.id, ada.id);
    await session.client.application?.commands.set([{ name: 'guide', description: 'Start the guide' }], guild.id);
    session.client.on('interactionCreate', (interaction) => {
      const answer = async () => {
        if (interaction.isChatInputCommand()) await interaction.reply({ content: 'a guide', components: [row('Dismiss')] });
        else if (interaction.isButton()) {
          await interaction.deferUpdate();
          await interaction.message.delete();
        }
      };
      answer().catch((error: unknown) => console.error(error));
    });
    const guide = await session.discord.as(ada).runSlashCommand(channel.id, 'guide');
    await expect(session.discord.as(ada).clickButton(guide.id, { label: 'Dismiss' })).rejects.toThrow(/deleted message .* use clickButtonToDelete/);
    expect(session.discord.messages(channel.id)).toEqual([]);
    const again = await session.discord.as(ada).runSlashCommand(channel.id, 'guide');
    await session.discord.as(ada).clickButtonToDelete(again.id, { label: 'Dismiss' });
    expect(session.discord.messages(channel.id)).toEqual([]);
  });
});
