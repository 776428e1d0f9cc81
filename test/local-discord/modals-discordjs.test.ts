import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Events,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  TextDisplayBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, endSession, guildWithUser, type Session } from './harness.ts';

/*
 * The discord.js check: a tiny real bot, written as bots are, opens modals with discord.js's own
 * builders and reads the submit with `interaction.fields.getTextInputValue`. If the server's
 * MODAL_SUBMIT were shaped wrongly, discord.js would throw or find no field.
 */

const askButton = () => new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('ask').setLabel('Ask').setStyle(ButtonStyle.Primary));

/** The Ask form in the current layout: a Text Display, then a Label around a short text input. */
const labelledForm = () =>
  new ModalBuilder()
    .setCustomId('ask-form')
    .setTitle('Ask the concurrency guide')
    .addTextDisplayComponents(new TextDisplayBuilder().setContent('One question at a time.'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel('What would you like to know?')
        .setTextInputComponent(new TextInputBuilder().setCustomId('question').setStyle(TextInputStyle.Short).setPlaceholder('e.g. why not asyncio?').setMinLength(1).setMaxLength(300).setRequired(true)),
    );

/** The same form in the deprecated layout: an action row around a text input with its own label. */
const legacyForm = () =>
  new ModalBuilder()
    .setCustomId('legacy-form')
    .setTitle('Ask (legacy layout)')
    .addActionRowComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('question').setLabel('Your question').setStyle(TextInputStyle.Paragraph)));

describe('modals end to end with a discord.js bot', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  it('discord.js opens a modal with its builders and reads the submit with fields.getTextInputValue, from a button and from a command', async () => {
    session = await connect();
    const { guild, channel, actor } = guildWithUser(session.discord);
    await session.client.application?.commands.set([{ name: 'guide', description: 'Start' }, { name: 'ask', description: 'Ask without a guide' }], guild.id);
    const botErrors: unknown[] = [];
    session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      const answer = async () => {
        if (interaction.isChatInputCommand() && interaction.commandName === 'guide') await interaction.reply({ content: 'The guide', components: [askButton()] });
        else if (interaction.isChatInputCommand()) await interaction.showModal(legacyForm());
        else if (interaction.isButton()) await interaction.showModal(labelledForm());
        else if (interaction.isModalSubmit()) {
          const question = interaction.fields.getTextInputValue('question');
          const from = interaction.isFromMessage() ? `the message ${interaction.message.id}` : 'a command';
          await interaction.reply({ content: `${interaction.customId}: "${question}" from ${from}`, flags: MessageFlags.Ephemeral });
        }
      };
      answer().catch((error: unknown) => botErrors.push(error));
    });

    const guide = await actor.runSlashCommand(channel.id, 'guide');
    const form = await actor.openModal(guide.id, { label: 'Ask' });
    expect(form).toMatchObject({ customId: 'ask-form', title: 'Ask the concurrency guide' });
    expect(form.fields).toEqual([{ label: 'What would you like to know?', customId: 'question', style: 'short', placeholder: 'e.g. why not asyncio?', required: true, minLength: 1, maxLength: 300 }]);
    const answer = await form.submit({ question: 'why not threads?' });
    expect(answer).toMatchObject({ content: `ask-form: "why not threads?" from the message ${guide.id}`, ephemeral: true, ephemeralFor: actor.user.id });

    const legacy = await actor.openModalFromCommand(channel.id, 'ask');
    expect(legacy.fields).toEqual([{ label: 'Your question', customId: 'question', style: 'paragraph', required: true }]);
    const legacyAnswer = await legacy.submit({ question: 'and\nprocesses?' });
    expect(legacyAnswer.content).toBe('legacy-form: "and\nprocesses?" from a command');
    expect(botErrors).toEqual([]);
  });
});
