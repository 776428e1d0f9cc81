import { Events, PermissionFlagsBits, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, guildWithUser, type Session } from './harness.ts';

describe('a member who may or may not manage messages', () => {
  let session: Session;
  let place: ReturnType<typeof guildWithUser>;
  const seen: (boolean | undefined)[] = [];
  beforeAll(async () => {
    session = await connect();
    place = guildWithUser(session.discord);
    await session.client.application?.commands.set([{ name: 'who', description: 'Who may moderate' }], place.guild.id);
    session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push(interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages));
      void interaction.reply({ content: 'seen' });
    });
  });
  afterAll(async () => session.close());

  it('GIVEN the default THEN a member holds MANAGE_MESSAGES; GIVEN it taken THEN member.permissions lacks it, as a bot reading it sees; GIVEN it given back THEN it is there again', async () => {
    await place.actor.runSlashCommand(place.channel.id, 'who');
    session.discord.setManageMessages(place.guild.id, place.user.id, false);
    await place.actor.runSlashCommand(place.channel.id, 'who');
    session.discord.setManageMessages(place.guild.id, place.user.id, true);
    await place.actor.runSlashCommand(place.channel.id, 'who');
    expect(seen).toEqual([true, false, true]);
  });
});
