import type { Logger } from 'pino';
import { startBot } from './discord/bot.ts';
import type { PathPictures } from './discord/pictures.ts';
import { registerCommands } from './discord/register-commands.ts';
import { startPlaygroundWith, type RunningPlayground } from './playground/index.ts';

export interface StartPlaygroundOptions {
  /** Where the page listens on 127.0.0.1; 0 picks a free port. */
  readonly port: number;
  readonly logger: Logger;
  /** The folder `npm run build` bundles the page into. */
  readonly page: URL;
  /** Pictures of the tree for outcome messages, as the bot gets them on Discord. */
  readonly pictures?: PathPictures;
  /** Give the playground's app the Message Content intent (PLAYGROUND_MESSAGE_CONTENT); off by default. */
  readonly messageContent?: boolean;
}

/**
 * `npm start` without a token: the local Discord-compatible server, the real bot connected to it
 * (registered with its own register code, started with its own start function) and the channel
 * page. Composed here, beside main.ts, so that neither the playground nor the bot imports the other.
 *
 * @example const playground = await startPlayground({ port: 3000, logger }); console.log(playground.url)
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<RunningPlayground> {
  return startPlaygroundWith({
    port: options.port,
    logger: options.logger,
    page: options.page,
    ...(options.messageContent === undefined ? {} : { messageContent: options.messageContent }),
    bot: {
      async register(settings) {
        const registered = await registerCommands(settings);
        if (!registered.ok) throw new Error(`The bot could not register its command on the local server: ${registered.error}`);
      },
      start: (settings) =>
        startBot({ ...settings, shards: 1 }, { logger: options.logger, ...(options.pictures === undefined ? {} : { pictures: options.pictures }) }),
    },
  });
}
