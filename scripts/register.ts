// `npm run register`: registers /concurrency and the "Ask the concurrency guide" message command, in one server or globally.
import { loadEnvironment } from '../src/config/load-environment.ts';
import { registerCommands } from '../src/discord/register-commands.ts';

const loaded = loadEnvironment(process.env);
if (!loaded.ok) {
  for (const problem of loaded.error) console.error(problem);
  process.exit(2);
}
const discord = loaded.value.discord;
if (discord === undefined) {
  console.error('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set to register the command (see .env.example).');
  process.exit(2);
}

const result = await registerCommands(discord);
if (!result.ok) {
  console.error(result.error);
  process.exit(1);
}
const names = result.value.names.join(', ');
console.log(
  result.value.scope === 'guild'
    ? `Registered ${names} in server ${discord.guildId ?? ''}.`
    : `Registered ${names} globally; it can take a few minutes to show up everywhere.`,
);
process.exit(0);
