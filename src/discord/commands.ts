import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ContextMenuCommandBuilder,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { commandTexts } from './bot-text.ts';

/** The one slash command, and its one option. */
export const COMMAND_NAME = 'concurrency';
export const PRIVATE_OPTION = 'private';

/**
 * Where the commands work: installed to a server, or by a member to their own account, and then in
 * any server (one without the bot too), a DM with the bot, and other DMs and group DMs.
 */
const EVERYWHERE = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;
const BOTH_INSTALLS = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;

/**
 * `/concurrency [private]`: starts a guide. With `private: true` only the member who ran it sees the
 * guide.
 */
export const concurrencyCommand = new SlashCommandBuilder()
  .setName(COMMAND_NAME)
  .setDescription(commandTexts.description)
  .setContexts(...EVERYWHERE)
  .setIntegrationTypes(...BOTH_INSTALLS)
  .addBooleanOption((option) =>
    option.setName(PRIVATE_OPTION).setDescription(commandTexts.privateOption).setRequired(false),
  );

/** The message command's name, as members see it under Apps in a message's menu. */
export const ASK_ABOUT_MESSAGE = commandTexts.askAboutMessage;

/**
 * "Ask the concurrency guide" on any message: starts a public guide about it. Discord hands the
 * bot the target message's text even without the Message Content intent.
 */
export const askAboutMessageCommand = new ContextMenuCommandBuilder()
  .setName(ASK_ABOUT_MESSAGE)
  .setType(ApplicationCommandType.Message)
  .setContexts(...EVERYWHERE)
  .setIntegrationTypes(...BOTH_INSTALLS);

/** The full command set, as `npm run register` sends it: a bulk overwrite keeps it idempotent. */
export function commandSet(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [concurrencyCommand.toJSON(), askAboutMessageCommand.toJSON()];
}
