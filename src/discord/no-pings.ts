/*
 * The one place that says whom the bot may ping: nobody, whatever a text or a reply contains. A
 * guide may quote a member's name or be posted under their question; none of it should notify.
 */

/** For discord.js options (`allowedMentions`): no parsed mentions, and no ping for a replied-to author. */
export const NO_PINGS = { parse: [], repliedUser: false } as const;

/** The same policy in Discord's JSON (`allowed_mentions`), for bodies the HTTP endpoint sends itself. */
export const NO_PINGS_JSON = { parse: NO_PINGS.parse, replied_user: NO_PINGS.repliedUser } as const;
