import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, PermissionFlagsBits, type DiscordAPIError } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { endScene, eventually, interactionsSeen, userInstallScene, type Scene } from './user-install-scene.ts';

/*
 * What Discord does to answers where only a user installed the app. At most 5 follow-up messages
 * per interaction when its authorizing_integration_owners hold only USER_INSTALL (the 6th is 400
 * 40094); edits and UPDATE_MESSAGE are not follow-ups. Where the member lacks USE_EXTERNAL_APPS in a
 * server that did not add the app, its responses and follow-ups are ephemeral whatever flags the
 * bot sent, and the interaction's permissions show the missing bit.
 */

const FOLLOW_UP_LIMIT_MESSAGE = 'This interaction has hit the maximum number of follow up messages';
const USE_EXTERNAL_APPS = 1n << 50n;
const nextButton = () => new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary));

describe('the follow-up cap of a user install', () => {
  let scene: Scene | undefined;
  let refusals: number[] = [];
  afterEach(async () => {
    await endScene(scene, refusals);
    scene = undefined;
    refusals = [];
  });

  /** The bot replies, then sends follow-ups until Discord refuses one (or `tries` pass); resolves with how many went through and the refusal. */
  const followUpsUntilRefused = (current: Scene, tries: number) =>
    new Promise<{ sent: number; refusal: DiscordAPIError | undefined }>((resolve) => {
      current.answer(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('step 1');
        for (let sent = 0; sent < tries; sent += 1) {
          try {
            await interaction.followUp(`follow-up ${sent + 1}`);
          } catch (error) {
            resolve({ sent, refusal: error as DiscordAPIError });
            return;
          }
        }
        resolve({ sent: tries, refusal: undefined });
      });
    });

  it('GIVEN a group DM WHEN the bot sends a 6th follow-up THEN Discord answers 400 40094 with its documented message and the user sees 5', async () => {
    scene = await userInstallScene();
    const outcome = followUpsUntilRefused(scene, 6);
    await scene.discord.as(scene.ada).runSlashCommand(scene.group.id, 'guide');
    const { sent, refusal } = await outcome;
    refusals = [40094];
    expect(sent).toBe(5);
    expect(refusal).toMatchObject({ status: 400, code: 40094, message: FOLLOW_UP_LIMIT_MESSAGE });
    expect(scene.discord.messages(scene.group.id)).toHaveLength(6);
  });

  it('GIVEN a server that added the bot, where the member also installed the app THEN both installations authorize it and 6 follow-ups go through', async () => {
    scene = await userInstallScene();
    const guild = scene.discord.createGuild('With the bot');
    const channel = scene.discord.createChannel(guild.id);
    scene.discord.addMember(guild.id, scene.ada.id);
    const outcome = followUpsUntilRefused(scene, 6);
    await scene.discord.as(scene.ada).runSlashCommand(channel.id, 'guide');
    expect(await outcome).toEqual({ sent: 6, refusal: undefined });
  });

  it('GIVEN a server without the bot WHEN the bot sends 5 follow-ups and then edits @original, a follow-up, and updates on a click THEN none of those count', async () => {
    scene = await userInstallScene();
    const done: string[] = [];
    scene.answer(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.deferReply();
        await interaction.editReply({ content: 'step 1', components: [nextButton()] });
        const followUps = [];
        for (let sent = 1; sent <= 5; sent += 1) followUps.push(await interaction.followUp(`follow-up ${sent}`));
        await interaction.editReply({ content: 'step 1 (edited)', components: [nextButton()] });
        await interaction.webhook.editMessage(followUps[0]?.id ?? '', { content: 'follow-up 1 (edited)' });
        done.push('command');
      } else if (interaction.isButton()) {
        await interaction.update({ content: 'step 2', components: [nextButton()] });
        done.push('click');
      }
    });
    const guide = await scene.discord.as(scene.ada).runSlashCommand(scene.outsideChannel.id, 'guide');
    await eventually(() => done.includes('command'), 'five follow-ups and two edits');
    for (let click = 0; click < 6; click += 1) await scene.discord.as(scene.bob).clickButton(guide.id, { label: 'Next' });
    await eventually(() => done.filter((entry) => entry === 'click').length === 6, 'six updates, none refused');
    expect(scene.discord.messages(scene.outsideChannel.id).map((message) => message.content)).toEqual(['step 2', 'follow-up 1 (edited)', 'follow-up 2', 'follow-up 3', 'follow-up 4', 'follow-up 5']);
  });
});

describe('answers forced ephemeral without USE_EXTERNAL_APPS', () => {
  let scene: Scene | undefined;
  afterEach(async () => {
    await endScene(scene);
    scene = undefined;
  });

  it('GIVEN a server without the bot whose @everyone lacks USE_EXTERNAL_APPS WHEN the bot replies publicly and follows up THEN both are ephemeral for the member alone, and the bot can tell', async () => {
    scene = await userInstallScene();
    scene.discord.setUseExternalApps({ guildId: scene.outside.id }, false);
    const seen: { memberHas: boolean | undefined; appHas: boolean; ephemeral: boolean | null | undefined }[] = [];
    scene.answer(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'a public guide', withResponse: true });
      await interaction.followUp({ content: 'shared with everyone' });
      seen.push({
        memberHas: interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps),
        appHas: interaction.appPermissions.has(PermissionFlagsBits.UseExternalApps),
        ephemeral: response.resource?.message?.flags.has(MessageFlags.Ephemeral),
      });
    });
    const reply = await scene.discord.as(scene.ada).runSlashCommand(scene.outsideChannel.id, 'guide');
    expect(reply).toMatchObject({ content: 'a public guide', ephemeral: true, ephemeralFor: scene.ada.id });
    await eventually(() => seen.length === 1, 'the follow-up');
    expect(seen).toEqual([{ memberHas: false, appHas: false, ephemeral: true }]);
    expect(scene.discord.messages(scene.outsideChannel.id)).toEqual([]);
    expect(scene.discord.as(scene.bob).view(scene.outsideChannel.id)).toEqual([]);
    expect(scene.discord.messages(scene.outsideChannel.id, scene.ada.id).map((message) => [message.content, message.ephemeral])).toEqual([
      ['a public guide', true],
      ['shared with everyone', true],
    ]);
    const [payload] = interactionsSeen(scene.seen);
    const bits = (value: unknown) => BigInt(String(value)) & USE_EXTERNAL_APPS;
    expect(bits((payload?.['member'] as Record<string, unknown>)['permissions'])).toBe(0n);
    expect(bits(payload?.['app_permissions'])).toBe(0n);
  });

  it('GIVEN a channel overwrite denying it WHEN the bot defers and edits THEN the answer stays ephemeral; a member overwrite allowing it makes that member\'s answers public again', async () => {
    scene = await userInstallScene();
    scene.discord.setUseExternalApps({ channelId: scene.outsideChannel.id }, false);
    scene.discord.installForUser(scene.bob.id);
    scene.discord.setUseExternalApps({ channelId: scene.outsideChannel.id, userId: scene.bob.id }, true);
    scene.answer(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply(`for ${interaction.user.username}`);
    });
    const forAda = await scene.discord.as(scene.ada).runSlashCommand(scene.outsideChannel.id, 'guide');
    const forBob = await scene.discord.as(scene.bob).runSlashCommand(scene.outsideChannel.id, 'guide');
    expect([forAda.content, forAda.ephemeral, forBob.content, forBob.ephemeral]).toEqual(['for ada', true, 'for bob', false]);
    expect(scene.discord.messages(scene.outsideChannel.id).map((message) => message.content)).toEqual(['for bob']);
  });

  it('GIVEN a server that added the bot where the member lacks USE_EXTERNAL_APPS THEN answers stay public (the app is installed there) but member.permissions shows the missing bit', async () => {
    scene = await userInstallScene();
    const guild = scene.discord.createGuild('With the bot', { useExternalApps: false });
    const channel = scene.discord.createChannel(guild.id);
    scene.discord.addMember(guild.id, scene.ada.id);
    const seen: (boolean | undefined)[] = [];
    scene.answer(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push(interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps));
      await interaction.reply('public');
    });
    const reply = await scene.discord.as(scene.ada).runSlashCommand(channel.id, 'guide');
    expect(reply.ephemeral).toBe(false);
    expect(seen).toEqual([false]);
    expect(interactionsSeen(scene.seen)[0]?.['app_permissions']).toBe(((1n << 51n) - 1n).toString());
  });
});
