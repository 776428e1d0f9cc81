import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, Events, MessageFlags, StringSelectMenuBuilder, type Interaction } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.ts';
import { connect, guildWithUser, type Session } from './harness.ts';

const guideCommand = {
  name: 'guide',
  description: 'Start the guide',
  options: [{ type: 3, name: 'topic', description: 'What to ask about', required: false, choices: [{ name: 'threads', value: 'threads' }, { name: 'asyncio', value: 'asyncio' }] }],
};

describe('interactions with a bare discord.js client', () => {
  let session: Session;
  let world: ReturnType<typeof guildWithUser>;

  beforeEach(async () => {
    session = await connect();
    world = guildWithUser(session.discord);
    await session.client.application?.commands.set([guideCommand, { name: 'think', description: 'Answer after a deferral' }], world.guild.id);
  });
  afterEach(async () => {
    expect(session.discord.violations).toEqual([]);
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  const onInteraction = (handler: (interaction: Interaction) => Promise<unknown>) => {
    session.client.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => console.error(error));
    });
  };

  it('GIVEN a registered command WHEN a user runs it with an option THEN the bot sees the option and the user sees the reply with its embed and buttons', async () => {
    onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({
        content: `topic: ${interaction.options.getString('topic') ?? 'none'}`,
        embeds: [new EmbedBuilder().setTitle('Question 1').setDescription('Is your work CPU-bound?').setFooter({ text: 'step 1' })],
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('yes').setLabel('Yes').setStyle(ButtonStyle.Success))],
      });
    });
    const reply = await world.actor.runSlashCommand(world.channel.id, 'guide', { topic: 'asyncio' });
    expect(reply.content).toBe('topic: asyncio');
    expect(reply.authorId).toBe(session.discord.bot.userId);
    expect(reply.embeds[0]).toMatchObject({ title: 'Question 1', description: 'Is your work CPU-bound?', footer: 'step 1' });
    expect(reply.components).toEqual([[{ type: 'button', label: 'Yes', style: 'success', customId: 'yes', disabled: false }]]);
    expect(reply.ephemeral).toBe(false);
    expect(session.discord.messages(world.channel.id).map((message) => message.id)).toEqual([reply.id]);
  });

  it('GIVEN an ephemeral deferral WHEN the bot edits the reply THEN the user gets the edited message and nobody else sees it', async () => {
    onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply({ content: 'thought about it' });
    });
    const reply = await world.actor.runSlashCommand(world.channel.id, 'think');
    expect(reply).toMatchObject({ content: 'thought about it', ephemeral: true, ephemeralFor: world.user.id, loading: false });
    expect(session.discord.messages(world.channel.id)).toEqual([]);
    expect(session.discord.messages(world.channel.id, world.user.id).map((message) => message.content)).toEqual(['thought about it']);
    const other = session.discord.createUser('bob');
    session.discord.addMember(world.guild.id, other.id);
    expect(session.discord.as(other).view(world.channel.id)).toEqual([]);
  });

  it('GIVEN a message with a button WHEN the user clicks it THEN the bot updates that same message', async () => {
    onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'Pick one', components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary))] });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId} on ${interaction.message.id}`, components: [] });
      }
    });
    const first = await world.actor.runSlashCommand(world.channel.id, 'guide');
    const updated = await world.actor.clickButton(first.id, { label: 'Next' });
    expect(updated.id).toBe(first.id);
    expect(updated.content).toBe(`clicked next on ${first.id}`);
    expect(updated.components).toEqual([]);
    expect(updated.editedAt).toBeDefined();
  });

  it('GIVEN a select menu WHEN the user picks a value THEN the bot receives the value and can follow up', async () => {
    onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder().setCustomId('topic').setPlaceholder('Choose').addOptions({ label: 'Threads', value: 'threads' }, { label: 'Processes', value: 'processes', description: 'CPU work' });
        await interaction.reply({ content: 'Which?', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.deferUpdate();
        await interaction.followUp({ content: `you chose ${interaction.values.join(',')}` });
      }
    });
    const first = await world.actor.runSlashCommand(world.channel.id, 'guide');
    expect(first.components[0]?.[0]).toMatchObject({ type: 'select', customId: 'topic', placeholder: 'Choose', options: [{ label: 'Threads', value: 'threads' }, { label: 'Processes', value: 'processes', description: 'CPU work' }] });
    const followUp = await world.actor.selectOption(first.id, { values: ['processes'] });
    expect(followUp.content).toBe('you chose processes');
    expect(followUp.id).not.toBe(first.id);
  });

  it('GIVEN a reply WHEN the bot sends a follow-up THEN both messages are in the channel in order', async () => {
    onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('first');
      await interaction.followUp('second');
    });
    await world.actor.runSlashCommand(world.channel.id, 'guide');
    const second = await world.actor.waitForBotMessage({ channelId: world.channel.id, after: session.discord.messages(world.channel.id)[0]?.id ?? '0' });
    expect(second.content).toBe('second');
    expect(session.discord.messages(world.channel.id).map((message) => message.content)).toEqual(['first', 'second']);
  });

  it('GIVEN a reply WHEN the bot fetches it THEN discord.js gets the same message back', async () => {
    const fetched = new Promise<string>((resolve) => {
      onInteraction(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('hello');
        resolve((await interaction.fetchReply()).content);
      });
    });
    await world.actor.runSlashCommand(world.channel.id, 'guide');
    expect(await fetched).toBe('hello');
  });

  it('GIVEN a reply with a file WHEN the user looks at it THEN the attachment arrives byte for byte', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: 'the tree', files: [{ attachment: png, name: 'tree.png' }] });
    });
    const reply = await world.actor.runSlashCommand(world.channel.id, 'guide');
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments[0]).toMatchObject({ filename: 'tree.png', size: png.length });
    expect(reply.attachments[0]?.data.equals(png)).toBe(true);
  });

  it('GIVEN reply with withResponse WHEN discord.js reads the callback response THEN it gets the created message', async () => {
    const seen = new Promise<string | undefined>((resolve) => {
      onInteraction(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.reply({ content: 'with response', withResponse: true });
        resolve(response.resource?.message?.content);
      });
    });
    const reply = await world.actor.runSlashCommand(world.channel.id, 'guide');
    expect(await seen).toBe('with response');
    expect(reply.content).toBe('with response');
  });

  it('GIVEN a change listener WHEN the bot replies and then updates THEN the listener hears both, rendered', async () => {
    const changes: string[] = [];
    const stop = session.discord.onChange((change) => changes.push(`${change.type}:${change.type === 'messageDeleted' ? change.messageId : change.message.content}`));
    onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.deferReply();
        await interaction.editReply('ready');
      }
    });
    await world.actor.runSlashCommand(world.channel.id, 'guide');
    stop();
    expect(changes).toEqual(['messageCreated:', 'messageUpdated:ready']);
  });

  it('GIVEN an unregistered command or a bad option WHEN a user tries it THEN the driver refuses as the Discord client would', async () => {
    await expect(world.actor.runSlashCommand(world.channel.id, 'missing')).rejects.toThrow(DriverError);
    await expect(world.actor.runSlashCommand(world.channel.id, 'guide', { topic: 'fortran' })).rejects.toThrow(/must be one of/);
    await expect(world.actor.runSlashCommand(world.channel.id, 'guide', { colour: 'red' })).rejects.toThrow(/no option "colour"/);
  });

  it('GIVEN a message WHEN the user clicks a button that is not there THEN the driver names the buttons that are', async () => {
    onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content: 'x', components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('a').setLabel('Alpha').setStyle(ButtonStyle.Secondary).setDisabled(true))] });
      }
    });
    const first = await world.actor.runSlashCommand(world.channel.id, 'guide');
    await expect(world.actor.clickButton(first.id, { label: 'Beta' })).rejects.toThrow(/"Alpha"/);
    await expect(world.actor.clickButton(first.id, { label: 'Alpha' })).rejects.toThrow(/disabled/);
  });
});

describe('slash commands in DMs', () => {
  it('GIVEN a global command WHEN a user runs it in their DM THEN the bot answers there; a guild-only command is not offered', async () => {
    const session = await connect();
    try {
      await session.client.application?.commands.set([
        { name: 'guide', description: 'Start the guide' },
        { name: 'admin', description: 'Guild only', contexts: [0] },
      ]);
      session.client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) interaction.reply(`in ${interaction.inGuild() ? 'a guild' : 'a DM'}`).catch(() => undefined);
      });
      // A shared server is what brings a server-installed app's commands to the DM with its bot.
      const alan = session.discord.createUser('alan');
      session.discord.addMember(session.discord.createGuild().id, alan.id);
      const actor = session.discord.as(alan);
      const reply = await actor.runSlashCommand(actor.dmChannelId(), 'guide');
      expect(reply).toMatchObject({ content: 'in a DM', channelId: actor.dmChannelId() });
      await expect(actor.runSlashCommand(actor.dmChannelId(), 'admin')).rejects.toThrow(/not offered in DMs/);
      expect(session.discord.violations).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
