import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, guildWithUser, type Session } from './harness.ts';

describe('timing the bot alone (onInteractionSent)', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('GIVEN a listener WHEN a user runs a command and clicks THEN it hears each interaction once, before the bot receives it, and nothing else', async () => {
    const timeline: string[] = [];
    session = await connect({ onInteractionSent: (id) => timeline.push(`sent ${id}`) });
    const { client, discord } = session;
    const world = guildWithUser(discord);
    await client.application?.commands.set([{ name: 'guide', description: 'Start the guide' }], world.guild.id);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('next').setLabel('Next').setStyle(ButtonStyle.Primary));
    client.on(Events.InteractionCreate, (interaction) => {
      timeline.push(`received ${interaction.id}`);
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'one', components: [row] });
      else if (interaction.isButton()) void interaction.update({ content: 'two', components: [row] });
    });

    const first = await world.actor.runSlashCommand(world.channel.id, 'guide');
    await world.actor.clickButton(first.id, { label: 'Next' });

    const received = timeline.filter((entry) => entry.startsWith('received ')).map((entry) => entry.slice('received '.length));
    expect(received).toHaveLength(2);
    expect(timeline).toEqual(received.flatMap((id) => [`sent ${id}`, `received ${id}`]));
    expect(discord.internalErrors).toEqual([]);
  });

  it('GIVEN a listener that throws THEN the interaction still reaches the bot and the error is kept, not thrown', async () => {
    session = await connect({
      onInteractionSent: () => {
        throw new Error('listener broke');
      },
    });
    const { client, discord } = session;
    const world = guildWithUser(discord);
    await client.application?.commands.set([{ name: 'guide', description: 'Start the guide' }], world.guild.id);
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'still here' });
    });

    const reply = await world.actor.runSlashCommand(world.channel.id, 'guide');
    expect(reply.content).toBe('still here');
    expect(discord.internalErrors).toEqual([new Error('listener broke')]);
  });
});
