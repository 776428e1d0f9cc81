import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType, InteractionContextType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.ts';
import { endScene, everywhere, interactionsSeen, userInstallScene, type Scene } from './user-install-scene.ts';

/*
 * Discord's documented model of user installs, as the bot receives it: each interaction carries
 * `context` (0 a server, 1 the bot's DM, 2 any other DM or group DM) and
 * `authorizing_integration_owners`, with "0" when the server installed the app (the guild id, or
 * "0" in the bot's DM) and "1" (the installing user's id) when the user did, each only when that
 * installation applies. Where neither applies, the Discord client offers none of the app's commands.
 */

const nextButton = () => new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary));

describe('interactions through a user install', () => {
  let scene: Scene | undefined;
  afterEach(async () => {
    await endScene(scene);
    scene = undefined;
  });

  it('GIVEN a server that never added the bot WHEN a member who installed the app runs its command THEN the bot gets context 0, owners {"1": member}, guild_id and member, and discord.js answers it', async () => {
    scene = await userInstallScene();
    const { ada, outside, outsideChannel } = scene;
    const seenByBot: { context: unknown; guildId: unknown; userId: unknown; inGuild: boolean }[] = [];
    scene.answer(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const owners = interaction.authorizingIntegrationOwners;
      seenByBot.push({ context: interaction.context, guildId: owners.guildId, userId: owners.userId, inGuild: interaction.inGuild() });
      await interaction.reply('hello from a user install');
    });
    const reply = await scene.discord.as(ada).runSlashCommand(outsideChannel.id, 'guide');
    expect(reply).toMatchObject({ content: 'hello from a user install', channelId: outsideChannel.id, ephemeral: false });
    const [payload] = interactionsSeen(scene.seen);
    expect(payload).toMatchObject({ context: 0, authorizing_integration_owners: { '1': ada.id }, guild_id: outside.id, member: { user: { id: ada.id } }, channel: { id: outsideChannel.id, type: 0 } });
    expect(payload?.['authorizing_integration_owners']).not.toHaveProperty('0');
    expect(seenByBot).toEqual([{ context: InteractionContextType.Guild, guildId: null, userId: ada.id, inGuild: true }]);
  });

  it('GIVEN a server that added the bot and a member who also installed the app THEN both keys are present; a command declaring only GUILD_INSTALL carries only "0"', async () => {
    scene = await userInstallScene([everywhere, { name: 'server', description: 'Server install only', integration_types: [0], contexts: [0] }]);
    const { ada, session } = scene;
    const guild = scene.discord.createGuild('With the bot');
    const channel = scene.discord.createChannel(guild.id);
    scene.discord.addMember(guild.id, ada.id);
    scene.answer(async (interaction) => (interaction.isChatInputCommand() ? interaction.reply('ok') : undefined));
    await scene.discord.as(ada).runSlashCommand(channel.id, 'guide');
    await scene.discord.as(ada).runSlashCommand(channel.id, 'server');
    const [both, serverOnly] = interactionsSeen(scene.seen);
    expect(both).toMatchObject({ context: 0, authorizing_integration_owners: { '0': guild.id, '1': ada.id } });
    expect(serverOnly?.['authorizing_integration_owners']).toEqual({ '0': guild.id });
    expect(session.discord.violations).toEqual([]);
  });

  it('GIVEN a group DM WHEN the member who installed the app runs its command THEN the bot gets context 2, owners {"1": member}, the user and a group DM channel, and discord.js answers it', async () => {
    scene = await userInstallScene();
    const { ada, group } = scene;
    const channelTypes: unknown[] = [];
    scene.answer(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      channelTypes.push(interaction.channel?.type);
      await interaction.reply(`context ${String(interaction.context)}`);
    });
    const reply = await scene.discord.as(ada).runSlashCommand(group.id, 'guide');
    expect(reply).toMatchObject({ content: 'context 2', channelId: group.id });
    const [payload] = interactionsSeen(scene.seen);
    expect(payload).toMatchObject({ context: 2, authorizing_integration_owners: { '1': ada.id }, user: { id: ada.id }, channel: { id: group.id, type: 3, name: 'pair programming' } });
    expect(payload).not.toHaveProperty('guild_id');
    expect(payload).not.toHaveProperty('member');
    expect(channelTypes).toEqual([ChannelType.GroupDM]);
  });

  it('GIVEN a DM between two users THEN the command arrives with context 2 and a DM channel listing the other user', async () => {
    scene = await userInstallScene();
    const { ada, bob, dm } = scene;
    scene.answer(async (interaction) => (interaction.isChatInputCommand() ? interaction.reply('ok') : undefined));
    await scene.discord.as(ada).runSlashCommand(dm.id, 'guide');
    const [payload] = interactionsSeen(scene.seen);
    expect(payload).toMatchObject({ context: 2, authorizing_integration_owners: { '1': ada.id }, channel: { id: dm.id, type: 1, recipients: [{ id: bob.id }] } });
  });

  it('GIVEN the DM with the bot of a user who installed the app and shares a server with it THEN both keys, "0" holding "0"', async () => {
    scene = await userInstallScene();
    const { ada } = scene;
    scene.discord.addMember(scene.discord.createGuild('With the bot').id, ada.id);
    scene.answer(async (interaction) => (interaction.isChatInputCommand() ? interaction.reply('ok') : undefined));
    const actor = scene.discord.as(ada);
    await actor.runSlashCommand(actor.dmChannelId(), 'guide');
    expect(interactionsSeen(scene.seen)[0]).toMatchObject({ context: 1, authorizing_integration_owners: { '0': '0', '1': ada.id } });
  });

  it('GIVEN a user who did not install the app WHEN they try its command where the server did not add it, or in a group DM THEN the driver refuses, as the client offers nothing', async () => {
    scene = await userInstallScene();
    const bob = scene.discord.as(scene.bob);
    await expect(bob.runSlashCommand(scene.outsideChannel.id, 'guide')).rejects.toThrow(DriverError);
    await expect(bob.runSlashCommand(scene.outsideChannel.id, 'guide')).rejects.toThrow(/bob has not installed the app and the server "No bot here" did not add it/);
    await expect(bob.runSlashCommand(scene.group.id, 'guide')).rejects.toThrow(/bob has not installed the app/);
    // Nor in the DM with the bot when no server is shared with it.
    const loner = scene.discord.as(scene.discord.createUser('loner'));
    await expect(loner.runSlashCommand(loner.dmChannelId(), 'guide')).rejects.toThrow(/shares no server with its bot/);
    expect(interactionsSeen(scene.seen)).toEqual([]);
    scene.discord.uninstallForUser(scene.ada.id);
    await expect(scene.discord.as(scene.ada).runSlashCommand(scene.group.id, 'guide')).rejects.toThrow(/ada has not installed the app/);
  });

  it('GIVEN a guide posted through ada\'s install in a group DM WHEN bob, who did not install the app, clicks it THEN the click arrives with ada as the authorizing user and the message carries the same owners', async () => {
    scene = await userInstallScene();
    const { ada, bob, group } = scene;
    scene.answer(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'step 1', components: [nextButton()] });
      else if (interaction.isButton()) await interaction.update({ content: `clicked by ${interaction.user.username}, authorized by ${interaction.authorizingIntegrationOwners.userId ?? 'nobody'}`, components: [] });
    });
    const guide = await scene.discord.as(ada).runSlashCommand(group.id, 'guide');
    const updated = await scene.discord.as(bob).clickButton(guide.id, { label: 'Next' });
    expect(updated.content).toBe(`clicked by bob, authorized by ${ada.id}`);
    const [command, click] = interactionsSeen(scene.seen);
    expect(click).toMatchObject({ type: 3, context: 2, user: { id: bob.id }, authorizing_integration_owners: { '1': ada.id } });
    expect(click?.['message']).toMatchObject({ interaction_metadata: { id: command?.['id'], user: { id: ada.id }, authorizing_integration_owners: { '1': ada.id } } });
  });
});
