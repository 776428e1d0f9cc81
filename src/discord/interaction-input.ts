import { InteractionContextType, PermissionFlagsBits } from 'discord.js';

/*
 * An interaction as the handler reads it, whichever way it arrived: over the gateway (discord.js
 * built it) or as an HTTP POST to the interactions endpoint (read from Discord's JSON). Only what
 * deciding an answer needs is here, so both transports fill it in the same way.
 */

/** The message a button or select menu sits on. */
export interface ClickedMessage {
  readonly id: string;
  /** When it was last edited (ms), 0 if never: tells one rendering of a message from the next. */
  readonly editedAt: number;
  readonly ephemeral: boolean;
}

/** The message whose Ask button opened a submitted form. */
export interface FormSourceMessage {
  readonly ephemeral: boolean;
  /** The custom ids of its components, which say whose guide it shows. */
  readonly customIds: readonly string[];
}

interface Common {
  /** The interaction's snowflake, which also says when Discord received it. */
  readonly id: string;
  readonly userId: string;
  /**
   * Discord will show every answer only to the member: a member used the app they installed
   * themselves in a server that did not add it and that denies them "Use External Apps".
   */
  readonly answersOnlyPrivate: boolean;
}

export type InteractionInput =
  | (Common & { readonly kind: 'command'; readonly commandName: string; readonly privateGuide: boolean })
  | (Common & { readonly kind: 'message-command'; readonly commandName: string; readonly target: { readonly content: string; readonly authorId: string; readonly authorIsBot: boolean } })
  | (Common & {
      readonly kind: 'button' | 'select';
      readonly customId: string;
      readonly values: readonly string[];
      readonly message: ClickedMessage;
      /** Whether the clicker may manage messages there (a moderator); false in a DM, where no one may. */
      readonly managesMessages: boolean;
    })
  /** A component the guide never sends (a user or channel menu on a forged or foreign message). */
  | (Common & { readonly kind: 'other-component' })
  /** `question` is undefined when the form lacks the guide's text field. */
  | (Common & { readonly kind: 'modal'; readonly customId: string; readonly question: string | undefined; readonly message: FormSourceMessage | undefined })
  /** Anything else (an autocomplete request, a new type): answered with nothing. */
  | { readonly kind: 'other'; readonly id: string };

/** The interaction's kind, as log lines and metrics name it. */
export function kindOf(input: InteractionInput): string {
  return input.kind === 'other-component' ? 'other' : input.kind;
}


/**
 * Whether Discord forces every answer to be ephemeral: in a server that did not install the app
 * (no guild key among the authorizing integration owners), to a member whose permissions there lack
 * "Use External Apps". The same reading for both transports.
 * @example answersForcedPrivate({ context: 0, serverInstalled: false, memberPermissions: 0n }) // true
 */
export function answersForcedPrivate(where: { readonly context: number | undefined; readonly serverInstalled: boolean; readonly memberPermissions: bigint | undefined }): boolean {
  if (where.context !== InteractionContextType.Guild || where.serverInstalled || where.memberPermissions === undefined) return false;
  return (where.memberPermissions & PermissionFlagsBits.UseExternalApps) === 0n;
}
