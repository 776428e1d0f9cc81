import { Events, type Interaction } from 'discord.js';
import type { LocalDiscordOptions } from '../../src/local-discord/index.ts';
import { connect, recordDispatches, type Dispatch, type Session } from './harness.ts';

/** A global slash command usable under both installations and in every context. */
export const everywhere = { name: 'guide', description: 'Start the guide', integration_types: [0, 1], contexts: [0, 1, 2] };

export type Json = Record<string, unknown>;

/**
 * The places a user-installed app reaches: a server that never added the bot, with ada (who
 * installed the app, when it supports user installs) and bob (who did not); a group DM and a DM between them. The bot registered
 * `commands` globally and answers every interaction with `answer`.
 */
export async function userInstallScene(commands: readonly Json[] = [everywhere], options: LocalDiscordOptions = {}) {
  const session = await connect(options);
  const seen = recordDispatches(session.client);
  await session.client.application?.commands.set(commands as never);
  const { discord } = session;
  const outside = discord.createGuild('No bot here', { withBot: false });
  const outsideChannel = discord.createChannel(outside.id, 'help');
  const ada = discord.createUser('ada');
  const bob = discord.createUser('bob');
  for (const user of [ada, bob]) discord.addMember(outside.id, user.id);
  if (options.userInstall !== false) discord.installForUser(ada.id);
  const group = discord.createGroupDm([ada.id, bob.id], 'pair programming');
  const dm = discord.createDm(ada.id, bob.id);
  const botErrors: unknown[] = [];
  const answer = (handler: (interaction: Interaction) => Promise<unknown>) => {
    session.client.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => botErrors.push(error));
    });
  };
  return { session, discord, seen, outside, outsideChannel, ada, bob, group, dm, botErrors, answer };
}

export type Scene = Awaited<ReturnType<typeof userInstallScene>>;

/** The INTERACTION_CREATE payloads the bot received, as sent. */
export const interactionsSeen = (seen: readonly Dispatch[]): Json[] => seen.filter((dispatch) => dispatch.t === 'INTERACTION_CREATE').map((dispatch) => dispatch.d as Json);

/** Ends a scene: the bot hit no error, and the server saw no request Discord would refuse but those expected. */
export async function endScene(scene: { session: Session; botErrors: readonly unknown[] } | undefined, expectedViolations: readonly number[] = []): Promise<void> {
  if (scene === undefined) return;
  try {
    if (scene.botErrors.length > 0) throw new Error(`the bot failed: ${String(scene.botErrors[0])}`);
    const codes = scene.session.discord.violations.map((violation) => violation.code);
    if (JSON.stringify(codes) !== JSON.stringify(expectedViolations)) throw new Error(`violations ${JSON.stringify(scene.session.discord.violations)}, expected codes ${JSON.stringify(expectedViolations)}`);
    if (scene.session.discord.internalErrors.length > 0) throw new Error(`internal errors: ${String(scene.session.discord.internalErrors[0])}`);
  } finally {
    await scene.session.close();
  }
}

/** Resolves once `check` holds, polling every 10 ms for up to 2 s: for what the bot does after the answer a driver call waits for. */
export async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}
