import { DiscordAPIError, HTTPError, REST, Routes } from 'discord.js';
import { err, ok, type Result } from '../core/result.ts';
import { commandSet } from './commands.ts';

/** Where the command set goes: one server (instant) or every server and DM (global). */
export interface RegistrationTarget {
  readonly apiUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string | undefined;
}

/** What a successful registration did, for a one-line confirmation. */
export interface Registration {
  /** How members find each command: "/concurrency", or a message menu entry. */
  readonly names: readonly string[];
  readonly scope: 'guild' | 'global';
}

/**
 * Replaces the application's commands with {@link commandSet} by a bulk overwrite (PUT), so
 * running it twice leaves the same single command. Failures come back as one line a bot owner can act on.
 */
export async function registerCommands(target: RegistrationTarget): Promise<Result<Registration, string>> {
  const rest = new REST({ api: target.apiUrl, retries: 1, timeout: 10_000 }).setToken(target.token);
  const route =
    target.guildId === undefined
      ? Routes.applicationCommands(target.applicationId)
      : Routes.applicationGuildCommands(target.applicationId, target.guildId);
  try {
    const saved = (await rest.put(route, { body: commandSet() })) as Array<{ name: string; type?: number }>;
    // As members meet them: a slash command by its /name, a message command by its menu entry.
    const names = saved.map((command) => (command.type === 3 ? `"${command.name}" (message menu, under Apps)` : `/${command.name}`));
    return ok({ names, scope: target.guildId === undefined ? 'global' : 'guild' });
  } catch (error) {
    return err(explainRegistrationFailure(error, target));
  }
}

/** One line saying why registration failed and what to change. */
export function explainRegistrationFailure(error: unknown, target: RegistrationTarget): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord refused the token (401). Reset it on the Bot page and update DISCORD_TOKEN.';
    if (error.status === 403 || error.code === 50001) {
      return target.guildId === undefined
        ? 'Discord refused access (403): check that DISCORD_APPLICATION_ID belongs to this bot token.'
        : `Discord refused access to server ${target.guildId} (403): invite the bot with the applications.commands scope, or check DISCORD_GUILD_ID.`;
    }
    if (error.status === 404) return 'Discord does not know this application or server (404): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.';
    return `Discord rejected the command set (${error.status}, code ${String(error.code)}): ${error.message.split('\n')[0] ?? ''}`;
  }
  if (error instanceof HTTPError) return `Discord answered ${error.status} ${error.message}; try again in a minute.`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `Could not reach ${target.apiUrl}${cause}. Check DISCORD_API_URL and the network.`;
}
