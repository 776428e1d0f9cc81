import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Events, type Interaction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError } from '../../src/local-discord/index.ts';
import { connect, guildWithUser, endSession, type Session } from './harness.ts';

describe('component interactions a stale or forged client sends', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  async function messageWithOneButton(s: Session, channelId: string) {
    const channel = await s.client.channels.fetch(channelId);
    if (channel === null || !channel.isSendable()) throw new Error('channel not sendable');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('real').setLabel('Real').setStyle(ButtonStyle.Primary));
    return channel.send({ content: 'pick', components: [row] });
  }

  it('GIVEN a custom id the message does not show WHEN it is sent as a select THEN the bot receives exactly that and its update is what the user sees', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const message = await messageWithOneButton(session, channel.id);
    const received: { customId: string; values: readonly string[] | undefined }[] = [];
    session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (!interaction.isStringSelectMenu()) return;
      received.push({ customId: interaction.customId, values: interaction.values });
      interaction.update({ content: 'updated', components: [] }).catch((error: unknown) => console.error(error));
    });
    const seen = await actor.sendComponentInteraction(message.id, { customId: 'never/shown', componentType: 3, values: ['x', 'y'] });
    expect(received).toEqual([{ customId: 'never/shown', values: ['x', 'y'] }]);
    expect(seen.id).toBe(message.id);
    expect(seen.content).toBe('updated');
  });

  it('GIVEN a custom id Discord could never deliver (empty or over 100 characters) THEN the driver refuses it clearly', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const message = await messageWithOneButton(session, channel.id);
    await expect(actor.sendComponentInteraction(message.id, { customId: '', componentType: 2 })).rejects.toThrow(DriverError);
    await expect(actor.sendComponentInteraction(message.id, { customId: 'x'.repeat(101), componentType: 2 })).rejects.toThrow(/1-100 characters/);
  });
});
