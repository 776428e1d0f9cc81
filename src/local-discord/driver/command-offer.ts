import { DriverError } from '../errors.ts';
import { authorizingOwners, contextOf, InteractionContext, installationsHere, IntegrationType, type InstallationsHere, type InteractionContextType } from '../installations.ts';
import { CommandType } from '../interactions.ts';
import { asArray, asNumber } from '../rules/json.ts';
import type { AuthorizingOwners, StoredChannel, StoredCommand, World } from '../world.ts';

/** A command the Discord client offers the user there, with the installations that authorize it. */
export interface OfferedCommand {
  readonly command: StoredCommand;
  readonly owners: AuthorizingOwners;
}

const PLACE_NAMES: Readonly<Record<InteractionContextType, string>> = {
  [InteractionContext.Guild]: 'guild channels',
  [InteractionContext.BotDm]: 'DMs',
  [InteractionContext.PrivateChannel]: 'group DMs and DMs between users',
};

/**
 * The command of that name and type as the Discord client offers it to a user in a channel, or a
 * DriverError saying why the client would not: the app is installed neither by the server (nor,
 * in the bot's DM, by a shared server) nor by the user; no such command; its `contexts` leave this
 * place out; or its `integration_types` include none of the installations that apply here.
 */
export function offerCommand(world: World, botUserId: string, channel: StoredChannel, user: { id: string; username: string }, name: string, type: number): OfferedCommand {
  const installs = installationsHere(world, botUserId, channel, user.id);
  if (!installs.guild && !installs.user) throw new DriverError(notInstalled(world, channel, user.username));
  const command = world.commandsFor(channel.guildId).find((candidate) => candidate.definition['name'] === name && commandType(candidate) === type);
  const label = type === CommandType.ChatInput ? `/${name}` : `the command ${JSON.stringify(name)}`;
  if (command === undefined) {
    const known = commandNames(world, channel, type).map((candidate) => (type === CommandType.ChatInput ? `/${candidate}` : JSON.stringify(candidate)));
    throw new DriverError(`no ${type === CommandType.ChatInput ? 'slash' : 'message'} command ${type === CommandType.ChatInput ? `/${name}` : JSON.stringify(name)} is registered here (registered: ${known.join(', ') || 'none'})`);
  }
  const context = contextOf(channel);
  const contexts = contextsOf(command);
  if (!contexts.includes(context)) throw new DriverError(`${label} is not offered in ${PLACE_NAMES[context]} (contexts ${JSON.stringify(contexts)})`);
  const owners = ownersOf(command, installs, channel, user.id);
  if (owners['0'] === undefined && owners['1'] === undefined) {
    throw new DriverError(`${label} is not offered here: its integration_types ${JSON.stringify(integrationTypesOf(command))} include none of the installations here (${installedBy(installs)})`);
  }
  return { command, owners };
}

/**
 * Where a command may run. A guild command only in its guild; a global one where its `contexts`
 * say. Without `contexts`, Discord's documentation names no default since 2025: this server takes
 * the one Discord applies, a server and the bot's DM, the DM unless `dm_permission` is false.
 */
function contextsOf(command: StoredCommand): readonly number[] {
  if (command.guildId !== undefined) return [InteractionContext.Guild];
  const listed = asArray(command.definition['contexts'])?.flatMap((value) => (typeof value === 'number' ? [value] : []));
  if (listed !== undefined) return listed;
  return command.definition['dm_permission'] === false ? [InteractionContext.Guild] : [InteractionContext.Guild, InteractionContext.BotDm];
}

/** A guild command belongs to the server's installation; a global one declares its installation contexts. */
function integrationTypesOf(command: StoredCommand): readonly number[] {
  return command.guildId !== undefined ? [IntegrationType.GuildInstall] : (command.integrationTypes ?? [IntegrationType.GuildInstall]);
}

function ownersOf(command: StoredCommand, installs: InstallationsHere, channel: StoredChannel, userId: string): AuthorizingOwners {
  return authorizingOwners(installs, channel, userId, integrationTypesOf(command));
}

function commandType(command: StoredCommand): number {
  return asNumber(command.definition['type']) ?? CommandType.ChatInput;
}

/** Names of the commands of one type registered where the channel is. */
function commandNames(world: World, channel: StoredChannel, type: number): string[] {
  return world
    .commandsFor(channel.guildId)
    .filter((command) => commandType(command) === type)
    .map((command) => String(command.definition['name']));
}

function installedBy(installs: InstallationsHere): string {
  return installs.guild && installs.user ? 'the server and the user' : installs.guild ? 'the server' : "the user's own";
}

function notInstalled(world: World, channel: StoredChannel, username: string): string {
  const none = `${username} has not installed the app`;
  const offers = 'so the Discord client offers none of its commands here';
  switch (contextOf(channel)) {
    case InteractionContext.Guild:
      return `${none} and the server ${JSON.stringify(world.guilds.get(channel.guildId ?? '')?.name ?? channel.guildId)} did not add it, ${offers}; call installForUser first`;
    case InteractionContext.BotDm:
      return `${none} and shares no server with its bot, ${offers}; call installForUser or addMember first`;
    default:
      return `${none}, and a DM or group DM offers only apps its user installed, ${offers}; call installForUser first`;
  }
}
