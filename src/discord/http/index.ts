import { REST } from 'discord.js';
import type { Logger } from '../../logger.ts';
import type { BotActivity } from '../activity.ts';
import { ACK_WINDOW_MS } from '../ack-deadline.ts';
import { createDoubleClickFilter } from '../click-dedupe.ts';
import { handleInteraction } from '../interaction-handler.ts';
import type { PathPictures } from '../pictures.ts';
import { startEndpointServer } from './endpoint-server.ts';
import { httpAnswers } from './http-answers.ts';
import { publicKeyFromHex } from './signature.ts';

/*
 * The bot as an HTTP interactions endpoint: Discord POSTs each interaction to it instead of sending
 * it over the gateway. The same handler decides every answer as for the gateway bot; only the
 * transport differs. No gateway connection, so no typed follow-ups: the Ask button and the message
 * command cover them. Nothing is kept between requests, so any number of replicas can share the
 * traffic behind a load balancer.
 */

export { ENDPOINT_PATH } from './endpoint-server.ts';

/** What the endpoint needs to know; nothing here is read from the environment. */
export interface HttpBotSettings {
  /** The app's public key from the developer portal, 64 hex digits. */
  readonly publicKey: string;
  readonly port: number;
  readonly host?: string;
  readonly applicationId: string;
  /** REST base for the interaction's webhook, e.g. `https://discord.com/api`. */
  readonly apiUrl: string;
}

export interface HttpBotOptions {
  readonly logger: Logger;
  readonly pictures?: PathPictures;
  readonly activity?: BotActivity;
}

/** A running endpoint. */
export interface RunningHttpBot {
  readonly port: number;
  /** Whether the endpoint accepts requests, for /healthz. */
  listening(): boolean;
  stop(): Promise<void>;
}

/**
 * Serves `POST /interactions` and resolves once it listens; rejects when the port is taken or the
 * key is not 64 hex digits.
 *
 * @example const bot = await startHttpBot({ publicKey, port: 8080, applicationId, apiUrl }, { logger });
 */
export async function startHttpBot(settings: HttpBotSettings, options: HttpBotOptions): Promise<RunningHttpBot> {
  const { logger } = options;
  const publicKey = publicKeyFromHex(settings.publicKey);
  // Interaction callbacks and webhooks are not under the app's global rate limit, so discord.js's own 50/s queue must not hold them back.
  const rest = new REST({ api: settings.apiUrl, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
  const deps = {
    logger,
    dedupe: createDoubleClickFilter(),
    pictures: options.pictures,
    activity: options.activity,
  };
  const server = await startEndpointServer({
    port: settings.port,
    ...(settings.host === undefined ? {} : { host: settings.host }),
    publicKey,
    applicationId: settings.applicationId,
    logger,
    answerTimeoutMs: ACK_WINDOW_MS,
    receive: (request, respond) => {
      const { input, token, applicationId } = request;
      return handleInteraction(input, httpAnswers({ interactionId: input.id, applicationId, token, respond, rest }), deps);
    },
  });
  logger.info({ port: server.port }, 'listening for interactions');
  return { port: server.port, listening: server.listening, stop: server.stop };
}
