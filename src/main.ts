// `npm start`: the only place that reads process.env and wires the parts together.
import type { Config, DiscordSettings } from './config/config.ts';
import { loadEnvironment } from './config/load-environment.ts';
import { startBot } from './discord/bot.ts';
import type { PathPictures } from './discord/pictures.ts';
import { createLogger } from './logger.ts';
import { createTreePictureCache, describeTreePicture } from './picture/index.ts';

/**
 * Without a token there is no bot to run: walk through the guide in this terminal instead, after
 * one line on stderr saying how to run it on Discord (stdout stays the conversation's).
 */
async function runWithoutToken(): Promise<void> {
  console.error('No DISCORD_TOKEN set: running the guide in this terminal. To run it on Discord, see "Run it on Discord" in the README.');
  await import('./terminal/main.ts');
}

function treePictures(): PathPictures {
  const cache = createTreePictureCache();
  return { get: cache.get, isReady: cache.isReady, warm: cache.warm, describe: (path) => describeTreePicture(path) };
}

async function runBot(config: Config, discord: DiscordSettings): Promise<void> {
  const logger = createLogger(config.logLevel);
  let stopping = false;
  const exit = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await bot?.stop();
    process.exit(code);
  };
  const onFatal = (reason: string) => {
    console.error(reason);
    void exit(1);
  };
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  try {
    bot = await startBot({ ...discord, shards: config.shards }, { logger, onFatal, pictures: treePictures() });
  } catch (error) {
    console.error(`The bot could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping');
      void exit(0);
    });
  }
}

const loaded = loadEnvironment(process.env);
if (!loaded.ok) {
  for (const problem of loaded.error) console.error(problem);
  process.exit(2);
}
if (loaded.value.discord === undefined) await runWithoutToken();
else await runBot(loaded.value, loaded.value.discord);
