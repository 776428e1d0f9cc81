import { startLocalDiscord, type Channel, type LocalDiscord, type UserActor } from '../src/local-discord/index.ts';
import { SentTimes } from './turnaround.ts';

/** One local Discord server with a guild full of members, for one bot under test. */
export interface Arena {
  readonly discord: LocalDiscord;
  readonly channels: readonly Channel[];
  readonly members: readonly UserActor[];
  /** When each interaction left for the bot, while a step asks for it. */
  readonly sentTimes: SentTimes;
  close(): Promise<void>;
}

export interface ArenaOptions {
  readonly channels: number;
  readonly members: number;
}

/**
 * Starts a server with one guild, its channels and members. Guides spread over channels and
 * members, as in a busy server; users are reused, since one user may run several guides.
 */
export async function openArena(options: ArenaOptions): Promise<Arena> {
  // The request log and 15-minute tokens would grow with every interaction of a long run, and the
  // server would spend the shared cores collecting them. Members wait at most 10 s for an answer, so
  // a token need not outlive 15 s. Violations are still kept. Bodies are checked against Discord's
  // documented limits but not its OpenAPI schemas: on Discord that work is not on the bot's cores, and
  // here it grew with the size of each bot's messages; npm test runs every guide message through both.
  const sentTimes = new SentTimes();
  const discord = await startLocalDiscord({ recordRequests: false, interactionTokenLifetimeMs: 15_000, schemaChecks: false, onInteractionSent: sentTimes.record });
  const guild = discord.createGuild('Benchmark guild');
  const channels = Array.from({ length: options.channels }, (_, index) => discord.createChannel(guild.id, `bench-${index}`));
  const members = Array.from({ length: options.members }, (_, index) => {
    const user = discord.createUser(`member-${index}`);
    discord.addMember(guild.id, user.id);
    return discord.as(user);
  });
  return { discord, channels, members, sentTimes, close: () => discord.close() };
}

/** Registers global slash commands the way `npm run register` does: one bulk overwrite. */
export async function registerCommands(discord: LocalDiscord, commands: readonly unknown[]): Promise<void> {
  const response = await fetch(`${discord.apiBaseUrl}/v10/applications/${discord.bot.applicationId}/commands`, {
    method: 'PUT',
    headers: { Authorization: `Bot ${discord.bot.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(commands),
  });
  if (!response.ok) throw new Error(`registering commands failed: ${response.status} ${await response.text()}`);
}

/** The environment a bot needs to reach this server, as a user would set it in .env. */
export function botEnvironment(discord: LocalDiscord): Record<string, string> {
  return {
    DISCORD_TOKEN: discord.bot.token,
    DISCORD_APPLICATION_ID: discord.bot.applicationId,
    DISCORD_API_URL: discord.apiBaseUrl,
  };
}
