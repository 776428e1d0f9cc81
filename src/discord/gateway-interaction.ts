import { ApplicationIntegrationType, MessageFlags, PermissionFlagsBits, type Interaction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { InteractionAnswers } from './answers.ts';
import { discordJsEdit, discordJsNewMessage } from './discordjs-message.ts';
import { ASK_INPUT_ID } from './ask-form.ts';
import { PRIVATE_OPTION } from './commands.ts';
import { customIdsOf } from './find-guide-in-channel.ts';
import { answersForcedPrivate, type InteractionInput } from './interaction-input.ts';

/*
 * The gateway transport: reads a discord.js interaction into the handler's input and carries its
 * answers through discord.js's own interaction methods (reply, update, deferUpdate, editReply…).
 */

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
    reply: async (outgoing, ephemeral) => void (await interaction.reply(discordJsNewMessage(outgoing, ephemeral))),
    update: async (outgoing) => void (await needsComponent().update(discordJsEdit(outgoing))),
    // A deferral carries only the ephemeral flag; the layout's flag comes with the edit that fills it in.
    deferReply: async (ephemeral) => void (await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})),
    deferUpdate: async () => void (await needsComponent().deferUpdate()),
    editReply: async (outgoing) => void (await interaction.editReply(discordJsEdit(outgoing))),
    followUp: async (outgoing, ephemeral) => void (await interaction.followUp(discordJsNewMessage(outgoing, ephemeral))),
    deleteReply: async () => void (await interaction.deleteReply()),
    showModal: async (modal) => {
      if (interaction.isModalSubmit()) throw new Error('a form cannot answer a form');
      await interaction.showModal(modal);
    },
  };
}

/** What the handler needs of a discord.js interaction. */
export function readGatewayInteraction(interaction: Interaction): InteractionInput {
  const { id } = interaction;
  const common = {
    id,
    userId: interaction.user.id,
    answersOnlyPrivate: answersForcedPrivate({
      context: interaction.context ?? undefined,
      serverInstalled: interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall] !== undefined,
      memberPermissions: interaction.memberPermissions?.bitfield,
    }),
  };
  if (interaction.isChatInputCommand()) {
    return { kind: 'command', ...common, commandName: interaction.commandName, privateGuide: interaction.options.getBoolean(PRIVATE_OPTION) ?? false };
  }
  if (interaction.isMessageContextMenuCommand()) {
    const target = interaction.targetMessage;
    return { kind: 'message-command', ...common, commandName: interaction.commandName, target: { content: target.content, authorId: target.author.id, authorIsBot: target.author.bot } };
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const { message } = interaction;
    return {
      kind: interaction.isButton() ? 'button' : 'select',
      ...common,
      customId: interaction.customId,
      values: interaction.isStringSelectMenu() ? interaction.values : [],
      message: { id: message.id, editedAt: message.editedTimestamp ?? 0, ephemeral: message.flags.has(MessageFlags.Ephemeral) },
      managesMessages: interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false,
    };
  }
  if (interaction.isMessageComponent()) return { kind: 'other-component', ...common };
  if (interaction.isModalSubmit()) {
    const { message } = interaction;
    return {
      kind: 'modal',
      ...common,
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
