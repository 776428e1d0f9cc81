// @ts-check
/**
 * The baseline: a bare discord.js 14 bot in plain JavaScript that answers every interaction with
 * one fixed reply, so the benchmark can tell what Node, discord.js and the local server cost from
 * what the guide adds. Plain JavaScript run by plain `node`, as the simplest bot would be written.
 * Configured like the real bot: DISCORD_TOKEN and DISCORD_API_URL.
 */
// Imported, not global: the lint config gives plain JavaScript files no Node globals.
import console from 'node:console';
import process from 'node:process';
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, Events, GatewayIntentBits, Partials } from 'discord.js';

// The load generator clicks whichever button the reply carries.
const BASELINE_BUTTON_ID = 'baseline-next';

const FIXED_REPLY = {
  content: 'A fixed reply from the baseline bot.',
  components: [new ActionRowBuilder().addComponents(new ButtonBuilder().setCustomId(BASELINE_BUTTON_ID).setLabel('Next').setStyle(ButtonStyle.Primary)).toJSON()],
  allowedMentions: { parse: [] },
};

/** @param {import('discord.js').Interaction} interaction */
async function answer(interaction) {
  // The builders' generic row type is lost in JavaScript; the JSON is what discord.js sends.
  const reply = /** @type {import('discord.js').InteractionReplyOptions & import('discord.js').InteractionUpdateOptions} */ (FIXED_REPLY);
  if (interaction.isChatInputCommand()) await interaction.reply(reply);
  else if (interaction.isMessageComponent()) await interaction.update(reply);
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

function main() {
  const token = process.env['DISCORD_TOKEN'];
  const api = process.env['DISCORD_API_URL'];
  if (token === undefined || api === undefined) {
    console.error('baseline bot: DISCORD_TOKEN and DISCORD_API_URL must be set');
    process.exit(2);
  }
  // The same intents as the guide bot, so both receive the same gateway traffic.
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    answer(interaction).catch((error) => console.error(`baseline bot: ${describe(error)}`));
  });
  client.once(Events.ClientReady, () => console.log('baseline bot ready'));
  process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
  client.login(token).catch((error) => {
    console.error(`baseline bot: login failed: ${describe(error)}`);
    process.exit(1);
  });
}

main();
