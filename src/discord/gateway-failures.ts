import { GatewayCloseCodes } from 'discord.js';

/**
 * Why the gateway refused the bot for good, in words a bot owner can act on. Codes that
 * discord.js recovers from by itself return undefined.
 */
export function explainFatalCloseCode(code: number): string | undefined {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return 'Discord refused the token (close code 4004). Reset the token on the Bot page and update DISCORD_TOKEN.';
    case GatewayCloseCodes.DisallowedIntents:
      return 'Discord refused the Message Content intent (close code 4014). Enable it on the Bot page, or set DISCORD_MESSAGE_CONTENT=false.';
    case GatewayCloseCodes.InvalidIntents:
      return 'Discord refused the requested intents as invalid (close code 4013).';
    case GatewayCloseCodes.InvalidAPIVersion:
      return 'Discord refused the gateway version (close code 4012); update discord.js.';
    case GatewayCloseCodes.InvalidShard:
      return 'Discord refused the shard settings (close code 4010); check SHARDS.';
    case GatewayCloseCodes.ShardingRequired:
      return 'Discord requires sharding for this many servers (close code 4011); set SHARDS=auto.';
    default:
      return undefined;
  }
}
