import { AttachmentBuilder, MessageFlags, type Interaction, type JSONEncodable, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { InteractionAnswers, OutgoingMessage } from './answers.ts';
import { wireMessage } from './answers.ts';
import { ASK_INPUT_ID } from './ask-form.ts';
import { PRIVATE_OPTION } from './commands.ts';
import { customIdsOf } from './find-guide-in-channel.ts';
import type { InteractionInput } from './interaction-input.ts';

/*
 * The gateway transport: reads a discord.js interaction into the handler's input and carries its
 * answers through discord.js's own interaction methods (reply, update, deferUpdate, editReply…).
 */

/**
 * The rendered data is already in Discord's API shape; handed over as plain objects, discord.js
 * would rebuild every embed and row through its builders (renaming each key) on every answer.
 */
function encoded<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}

/** A message as discord.js's options take it; `attachments: []` keeps only the files sent now. */
function discordJsMessage(outgoing: OutgoingMessage) {
  const { body, files } = wireMessage(outgoing);
  return {
    ...(body.content === undefined ? {} : { content: body.content }),
    embeds: body.embeds.map(encoded),
    components: body.components.map(encoded),
    files: files.map((file) => new AttachmentBuilder(file.data, { name: file.name, ...(file.description === undefined ? {} : { description: file.description }) })),
    attachments: [],
  };
}

const ephemeralFlag = (ephemeral: boolean) => (ephemeral ? { flags: MessageFlags.Ephemeral as const } : {});

/** The handler's answers for one discord.js interaction. */
export function gatewayAnswers(interaction: RepliableInteraction): InteractionAnswers {
  const needsComponent = () => {
    if (!interaction.isMessageComponent()) throw new Error('only a click can update its message');
    return interaction;
  };
  return {
    get acknowledged() {
      return interaction.replied || interaction.deferred;
    },
    reply: async (outgoing, ephemeral) => void (await interaction.reply({ ...discordJsMessage(outgoing), ...ephemeralFlag(ephemeral) })),
    update: async (outgoing) => void (await needsComponent().update(discordJsMessage(outgoing))),
    deferReply: async (ephemeral) => void (await interaction.deferReply(ephemeralFlag(ephemeral))),
    deferUpdate: async () => void (await needsComponent().deferUpdate()),
    editReply: async (outgoing) => void (await interaction.editReply(discordJsMessage(outgoing))),
    followUp: async (outgoing, ephemeral) => void (await interaction.followUp({ ...discordJsMessage(outgoing), ...ephemeralFlag(ephemeral) })),
    showModal: async (modal) => {
      if (interaction.isModalSubmit()) throw new Error('a form cannot answer a form');
      await interaction.showModal(modal);
    },
  };
}

/** What the handler needs of a discord.js interaction. */
export function readGatewayInteraction(interaction: Interaction): InteractionInput {
  const { id } = interaction;
  const userId = interaction.user.id;
  if (interaction.isChatInputCommand()) {
    return { kind: 'command', id, userId, commandName: interaction.commandName, privateGuide: interaction.options.getBoolean(PRIVATE_OPTION) ?? false };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    return { kind: 'message-command', id, userId, commandName: interaction.commandName, target: { content: target.content, authorId: target.author.id, authorIsBot: target.author.bot } };
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const { message } = interaction;
    return {
      kind: interaction.isButton() ? 'button' : 'select',
      id,
      userId,
      customId: interaction.customId,
      values: interaction.isStringSelectMenu() ? interaction.values : [],
      message: { id: message.id, editedAt: message.editedTimestamp ?? 0, ephemeral: message.flags.has(MessageFlags.Ephemeral) },
    };
  }
  if (interaction.isMessageComponent()) return { kind: 'other-component', id, userId };
  if (interaction.isModalSubmit()) {
    const { message } = interaction;
    return {
      kind: 'modal',
      id,
      userId,
      customId: interaction.customId,
      question: typedQuestion(interaction),
      message: message === null ? undefined : { ephemeral: message.flags.has(MessageFlags.Ephemeral), customIds: customIdsOf(message.components) },
    };
  }
  return { kind: 'other', id };
}

/** The question typed into a submitted form, or undefined when the form has no such field. */
function typedQuestion(interaction: ModalSubmitInteraction): string | undefined {
  try {
    return interaction.fields.getTextInputValue(ASK_INPUT_ID);
  } catch {
    // A forged submit without our field: discord.js throws for a missing component.
    return undefined;
  }
}
