import { Events, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACK_WINDOW_MS, createManualClock, InteractionFailedError, TOKEN_LIFETIME_MS, type ManualClock } from '../../src/local-discord/index.ts';
import { callback, connect, guildWithUser, refusal, type Session } from './harness.ts';

/** Resolves with the next slash command interaction the bot receives, without answering it. */
function nextCommand(session: Session): Promise<ChatInputCommandInteraction> {
  return new Promise((resolve) => {
    const listener = (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      session.client.off(Events.InteractionCreate, listener);
      resolve(interaction);
    };
    session.client.on(Events.InteractionCreate, listener);
  });
}



describe('interaction rules, with a manual clock', () => {
  let session: Session;
  let clock: ManualClock;
  let world: ReturnType<typeof guildWithUser>;

  beforeEach(async () => {
    clock = createManualClock();
    session = await connect({ clock });
    world = guildWithUser(session.discord);
    await session.client.application?.commands.set([{ name: 'guide', description: 'Start the guide' }], world.guild.id);
  });
  afterEach(async () => {
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  it('GIVEN a command WHEN the bot answers after the 3 s window THEN the user sees "This interaction failed" and the reply gets 10062', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    clock.advance(ACK_WINDOW_MS + 1);
    await expect(run).rejects.toBeInstanceOf(InteractionFailedError);
    const error = await refusal(interaction.reply('too late'));
    expect([error.status, error.code]).toEqual([404, 10062]);
    expect(session.discord.messages(world.channel.id)).toEqual([]);
  });

  it('GIVEN a command WHEN the bot answers just inside the window THEN the reply is accepted', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    clock.advance(ACK_WINDOW_MS - 1);
    await interaction.reply('just in time');
    expect((await run).content).toBe('just in time');
    expect(session.discord.violations).toEqual([]);
  });

  it('GIVEN an acknowledged interaction WHEN a second acknowledgement arrives THEN Discord answers 40060', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    await interaction.reply('first');
    await run;
    const error = await refusal(callback(session, interaction, { type: 4, data: { content: 'second' } }));
    expect([error.status, error.code]).toEqual([400, 40060]);
    clock.advance(ACK_WINDOW_MS + 1);
    const later = await refusal(callback(session, interaction, { type: 4, data: { content: 'third' } }));
    expect([later.status, later.code]).toEqual([400, 40060]);
  });

  it('GIVEN a slash command WHEN the bot answers with UPDATE_MESSAGE or DEFERRED_UPDATE THEN Discord refuses both (component-only types)', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    for (const body of [{ type: 7, data: { content: 'x' } }, { type: 6 }]) {
      const error = await refusal(callback(session, interaction, body));
      expect([error.status, error.code]).toEqual([400, 50035]);
    }
    await interaction.reply('a refused response does not use up the acknowledgement');
    expect((await run).content).toBe('a refused response does not use up the acknowledgement');
  });

  it('GIVEN a deferral WHEN it carries content or a flag other than ephemeral THEN Discord refuses it', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    for (const body of [{ type: 5, data: { content: 'thinking' } }, { type: 5, data: { flags: 4 } }]) {
      const error = await refusal(callback(session, interaction, body));
      expect(error.code).toBe(50035);
    }
    await interaction.deferReply();
    await interaction.editReply('done');
    expect((await run).content).toBe('done');
  });

  it('GIVEN an interaction response WHEN its content is over 2000 THEN Discord refuses with errors under data.content', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    const error = await refusal(interaction.reply('x'.repeat(2001)));
    expect(error.code).toBe(50035);
    expect(error.rawError).toMatchObject({ errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
    await interaction.reply('shorter');
    await run;
  });

  it('GIVEN a deferred reply WHEN the bot edits it after 15 minutes THEN the token is invalid (401, 50027) and the user is told it failed', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    await interaction.deferReply();
    clock.advance(TOKEN_LIFETIME_MS);
    await expect(run).rejects.toBeInstanceOf(InteractionFailedError);
    const error = await refusal(interaction.editReply('much too late'));
    expect([error.status, error.code]).toEqual([401, 50027]);
    expect(session.discord.messages(world.channel.id)[0]?.loading).toBe(true);
  });

  it('GIVEN a reply WHEN the bot follows up 14 minutes later THEN the follow-up is accepted', async () => {
    const received = nextCommand(session);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    await interaction.reply('first');
    await run;
    clock.advance(14 * 60 * 1000);
    await interaction.followUp('still here');
    expect(session.discord.messages(world.channel.id).map((message) => message.content)).toEqual(['first', 'still here']);
    expect(session.discord.violations).toEqual([]);
  });

  it('GIVEN an interaction WHEN the bot reads its creation time THEN the snowflake encodes the injected clock', async () => {
    const received = nextCommand(session);
    const before = clock.now();
    void world.actor.runSlashCommand(world.channel.id, 'guide').catch(() => undefined);
    const interaction = await received;
    expect(interaction.createdTimestamp).toBe(before);
    await interaction.reply('ok');
  });
});
