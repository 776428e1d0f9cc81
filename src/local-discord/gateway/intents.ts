/** Gateway intent bits this server acts on, from Discord's gateway docs. */
export const Intents = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Every bit Discord defines (0-21, 24, 25); anything else closes the gateway with 4013. */
const KNOWN_INTENTS = (((1 << 22) - 1) | (1 << 24) | (1 << 25)) >>> 0;

export interface PrivilegedIntentsAllowed {
  readonly messageContent: boolean;
  readonly guildMembers: boolean;
  readonly guildPresences: boolean;
}

/** Why an IDENTIFY's intents are refused, as a gateway close code, or undefined when they are fine. */
export function intentsCloseCode(intents: unknown, allowed: PrivilegedIntentsAllowed): 4013 | 4014 | undefined {
  if (typeof intents !== 'number' || !Number.isInteger(intents) || intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) return 4013;
  const disallowed =
    (!allowed.messageContent && (intents & Intents.MessageContent) !== 0) ||
    (!allowed.guildMembers && (intents & Intents.GuildMembers) !== 0) ||
    (!allowed.guildPresences && (intents & Intents.GuildPresences) !== 0);
  return disallowed ? 4014 : undefined;
}

/** Application flags READY reports for the privileged intents the app has enabled. */
export function applicationFlags(allowed: PrivilegedIntentsAllowed): number {
  const GATEWAY_PRESENCE_LIMITED = 1 << 13;
  const GATEWAY_GUILD_MEMBERS_LIMITED = 1 << 15;
  const GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;
  return (
    (allowed.guildPresences ? GATEWAY_PRESENCE_LIMITED : 0) |
    (allowed.guildMembers ? GATEWAY_GUILD_MEMBERS_LIMITED : 0) |
    (allowed.messageContent ? GATEWAY_MESSAGE_CONTENT_LIMITED : 0)
  );
}

export const hasIntent = (intents: number, intent: number): boolean => (intents & intent) !== 0;
