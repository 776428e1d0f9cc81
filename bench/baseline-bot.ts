/**
 * The baseline: a bare discord.js bot that answers every interaction with one fixed reply, so the
 * benchmark can tell what discord.js and the local server cost from what the guide adds.
 * Configured like the real bot: DISCORD_TOKEN and DISCORD_API_URL.
 */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, Client, Events, GatewayIntentBits, Partials, type Interaction } from 'discord.js';

// The load generator clicks whichever button the reply carries.
const BASELINE_BUTTON_ID = 'baseline-next';

const FIXED_REPLY = {
  content: 'A fixed reply from the baseline bot.',
  components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId(BASELINE_BUTTON_ID).setLabel('Next').setStyle(ButtonStyle.Primary)).toJSON()],
  allowedMentions: { parse: [] },
};

async function answer(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) await interaction.reply(FIXED_REPLY);
  else if (interaction.isMessageComponent()) await interaction.update(FIXED_REPLY);
}

function main(): void {
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
    answer(interaction).catch((error: unknown) => console.error(`baseline bot: ${error instanceof Error ? error.message : String(error)}`));
  });
  client.once(Events.ClientReady, () => console.log('baseline bot ready'));
  process.once('SIGTERM', () => void client.destroy().then(() => process.exit(0)));
  client.login(token).catch((error: unknown) => {
    console.error(`baseline bot: login failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

main();
