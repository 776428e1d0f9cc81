import { GatewayCloseCodes } from 'discord.js';

/**
 * Why the gateway refused the bot for good, in words a bot owner can act on. Codes that
 * discord.js recovers from by itself return undefined.
 */
export function explainFatalCloseCode(code: number): string | undefined {
  return FATAL_CLOSE_CODES.get(code);
}

const FATAL_CLOSE_CODES: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, 'Discord refused the token (close code 4004). Reset the token on the Bot page and update DISCORD_TOKEN.'],
  [GatewayCloseCodes.DisallowedIntents, 'Discord refused the Message Content intent (close code 4014). Enable it on the Bot page, or set DISCORD_MESSAGE_CONTENT=false.'],
  [GatewayCloseCodes.InvalidIntents, 'Discord refused the requested intents as invalid (close code 4013).'],
  [GatewayCloseCodes.InvalidAPIVersion, 'Discord refused the gateway version (close code 4012); update discord.js.'],
  [GatewayCloseCodes.InvalidShard, 'Discord refused the shard settings (close code 4010); check SHARDS.'],
  [GatewayCloseCodes.ShardingRequired, 'Discord requires sharding for this many servers (close code 4011); set SHARDS=auto.'],
]);
