import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** The one slash command, and its one option. */
export const COMMAND_NAME = 'concurrency';
export const PRIVATE_OPTION = 'private';

/**
 * `/concurrency [private]`: starts a guide. Usable in servers and in a DM with the bot; with
 * `private: true` only the member who ran it sees the guide.
 */
export const concurrencyCommand = new SlashCommandBuilder()
  .setName(COMMAND_NAME)
  .setDescription('Find the right Python concurrency API in a few questions, and see why.')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .addBooleanOption((option) =>
    option.setName(PRIVATE_OPTION).setDescription('Only you see the guide (default: everyone in the channel).').setRequired(false),
  );

/** The full command set, as `npm run register` sends it: a bulk overwrite keeps it idempotent. */
export function commandSet(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [concurrencyCommand.toJSON()];
}
