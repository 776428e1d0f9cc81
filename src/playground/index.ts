/*
 * The playground's public face: a local Discord-compatible server, the channel page, and a slot for a
 * bot. It knows nothing of this bot; src/playground-with-bot.ts plugs the real one in.
 */
export { startPlaygroundWith, type PlaygroundBot, type PlaygroundBotSettings, type RunningPlayground } from './playground.ts';
