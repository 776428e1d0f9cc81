import { DiscordAPIError, Routes, type APIApplicationCommand } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { endScene, everywhere, interactionsSeen, userInstallScene, type Json, type Scene } from './user-install-scene.ts';

/*
 * A global command's `integration_types` (0 GUILD_INSTALL, 1 USER_INSTALL) and `contexts` (0 GUILD,
 * 1 BOT_DM, 2 PRIVATE_CHANNEL) decide where the Discord client offers it; PRIVATE_CHANNEL means
 * something only with USER_INSTALL, and both fields are for global commands only. Registration
 * accepts only installation contexts the app supports.
 */

describe('where a command is offered', () => {
  let scene: Scene | undefined;
  let refusals: number[] = [];
  afterEach(async () => {
    await endScene(scene, refusals);
    scene = undefined;
    refusals = [];
  });

  const answered = (current: Scene) => current.answer(async (interaction) => (interaction.isChatInputCommand() ? interaction.reply('ok') : undefined));

  it('GIVEN a command without PRIVATE_CHANNEL WHEN a member who installed the app tries it in a group DM or a DM between users THEN the driver refuses', async () => {
    scene = await userInstallScene([{ ...everywhere, contexts: [0, 1] }]);
    const ada = scene.discord.as(scene.ada);
    await expect(ada.runSlashCommand(scene.group.id, 'guide')).rejects.toThrow('/guide is not offered in group DMs and DMs between users (contexts [0,1])');
    await expect(ada.runSlashCommand(scene.dm.id, 'guide')).rejects.toThrow(/not offered in group DMs/);
    answered(scene);
    await expect(ada.runSlashCommand(scene.outsideChannel.id, 'guide')).resolves.toMatchObject({ content: 'ok' });
  });

  it('GIVEN a command declaring only GUILD_INSTALL WHEN a member who installed the app tries it where the server did not add the bot or in a group DM THEN the driver refuses', async () => {
    scene = await userInstallScene([{ ...everywhere, integration_types: [0] }]);
    const ada = scene.discord.as(scene.ada);
    await expect(ada.runSlashCommand(scene.outsideChannel.id, 'guide')).rejects.toThrow(`/guide is not offered here: its integration_types [0] include none of the installations here (the user's own)`);
    // PRIVATE_CHANNEL is listed, but without USER_INSTALL it means nothing.
    await expect(ada.runSlashCommand(scene.group.id, 'guide')).rejects.toThrow(/integration_types \[0\]/);
    expect(interactionsSeen(scene.seen)).toEqual([]);
  });

  it('GIVEN a command declaring only USER_INSTALL WHEN a member who did not install it tries it where the bot is THEN the driver refuses; once installed it runs there with only "1"', async () => {
    scene = await userInstallScene([{ ...everywhere, integration_types: [1] }]);
    const guild = scene.discord.createGuild('With the bot');
    const channel = scene.discord.createChannel(guild.id);
    scene.discord.addMember(guild.id, scene.bob.id);
    const bob = scene.discord.as(scene.bob);
    await expect(bob.runSlashCommand(channel.id, 'guide')).rejects.toThrow(/integration_types \[1\] include none of the installations here \(the server\)/);
    scene.discord.installForUser(scene.bob.id);
    answered(scene);
    await bob.runSlashCommand(channel.id, 'guide');
    expect(interactionsSeen(scene.seen)[0]?.['authorizing_integration_owners']).toEqual({ '1': scene.bob.id });
  });

  it('GIVEN a message command declaring only GUILD contexts WHEN run on a group DM message THEN the driver refuses', async () => {
    scene = await userInstallScene([{ name: 'Ask the guide', type: 3, integration_types: [0, 1], contexts: [0] }]);
    const message = await scene.discord.as(scene.bob).sendMessage(scene.group.id, 'my scraper is slow');
    await expect(scene.discord.as(scene.ada).runMessageCommand(message.id, 'Ask the guide')).rejects.toThrow('the command "Ask the guide" is not offered in group DMs and DMs between users (contexts [0])');
  });

  it('GIVEN a global command registered without integration_types THEN it gets the app\'s installation contexts, and with user installs turned off, those of a guild-only app', async () => {
    scene = await userInstallScene([{ name: 'guide', description: 'Start the guide' }]);
    const [saved] = (await scene.session.client.rest.get(Routes.applicationCommands(scene.discord.bot.applicationId))) as APIApplicationCommand[];
    expect(saved?.integration_types).toEqual([0, 1]);
    await endScene(scene);
    scene = await userInstallScene([], { userInstall: false });
    const [guildOnly] = (await scene.session.client.rest.put(Routes.applicationCommands(scene.discord.bot.applicationId), { body: [{ name: 'guide', description: 'd' }] })) as APIApplicationCommand[];
    expect(guildOnly?.integration_types).toEqual([0]);
  });
});

describe('registering integration_types and contexts', () => {
  let scene: Scene | undefined;
  let refusals: number[] = [];
  afterEach(async () => {
    await endScene(scene, refusals);
    scene = undefined;
    refusals = [];
  });

  const refusedGlobally = async (current: Scene, body: Json[]) => {
    const error = await current.session.client.rest.put(Routes.applicationCommands(current.discord.bot.applicationId), { body }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  };

  it('GIVEN an app without user installs WHEN a global command declares USER_INSTALL THEN Discord refuses with 50035 at integration_types', async () => {
    scene = await userInstallScene([], { userInstall: false });
    const error = await refusedGlobally(scene, [everywhere]);
    refusals = [50035];
    expect(error.code).toBe(50035);
    expect(JSON.stringify(error.rawError)).toContain('integration_types');
  });

  it.each([
    ['an empty integration_types', { integration_types: [] }],
    ['an unknown installation context', { integration_types: [2] }],
    ['an unknown interaction context', { contexts: [3] }],
  ])('GIVEN %s THEN Discord refuses with 50035', async (_rule, over) => {
    scene = await userInstallScene([]);
    const error = await refusedGlobally(scene, [{ ...everywhere, ...over }]);
    refusals = [50035];
    expect(error.code).toBe(50035);
  });

  it('GIVEN a server that never added the bot WHEN the bot registers commands there THEN 403 50001 Missing Access', async () => {
    scene = await userInstallScene([]);
    const error = await scene.session.client.rest.put(Routes.applicationGuildCommands(scene.discord.bot.applicationId, scene.outside.id), { body: [everywhere] }).then(
      () => undefined,
      (caught: unknown) => caught as DiscordAPIError,
    );
    refusals = [50001];
    expect(error).toMatchObject({ status: 403, code: 50001 });
  });

  it('GIVEN a guild command WHEN it declares contexts and installation contexts THEN they are accepted and ignored: it runs in its guild only, under the server\'s installation', async () => {
    scene = await userInstallScene([]);
    const guild = scene.discord.createGuild('With the bot');
    const channel = scene.discord.createChannel(guild.id);
    scene.discord.addMember(guild.id, scene.ada.id);
    await scene.session.client.rest.put(Routes.applicationGuildCommands(scene.discord.bot.applicationId, guild.id), { body: [everywhere] });
    scene.answer(async (interaction) => (interaction.isChatInputCommand() ? interaction.reply('ok') : undefined));
    await scene.discord.as(scene.ada).runSlashCommand(channel.id, 'guide');
    expect(interactionsSeen(scene.seen)[0]?.['authorizing_integration_owners']).toEqual({ '0': guild.id });
    await expect(scene.discord.as(scene.ada).runSlashCommand(scene.group.id, 'guide')).rejects.toThrow(/no slash command \/guide is registered here/);
  });

  it('GIVEN an app without user installs THEN installForUser is refused, as the client offers no way to install it', async () => {
    scene = await userInstallScene([], { userInstall: false });
    expect(() => scene?.discord.installForUser(scene.bob.id)).toThrow(/does not support user installs/);
  });
});
