import {
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ContainerBuilder,
  type DiscordAPIError,
  Events,
  MediaGalleryBuilder,
  MediaGalleryItemBuilder,
  MessageFlags,
  Routes,
  SectionBuilder,
  SeparatorBuilder,
  SeparatorSpacingSize,
  TextDisplayBuilder,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callback, connect, guildWithUser, refusal, type Session } from './harness.ts';

const V2 = 1 << 15;
const text = (content: string) => ({ type: 10, content });
const button = (customId: string, label = 'Go') => ({ type: 2, style: 1, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });
const container = (...components: unknown[]) => ({ type: 17, components });
const section = (texts: unknown[], accessory?: unknown) => ({ type: 9, components: texts, ...(accessory === undefined ? {} : { accessory }) });
const picture = (url = 'https://example.org/tree.png', description?: string) => ({ media: { url }, ...(description === undefined ? {} : { description }) });
const gallery = (...items: unknown[]) => ({ type: 12, items });
const thumbnail = (description?: string) => ({ type: 11, ...picture(undefined, description) });

/** Each documented Components V2 rule, a body that breaks it, where Discord's `errors` point and the code there. */
const refusals: { rule: string; body: Record<string, unknown>; errorPath: string[]; errorCode: string }[] = [
  { rule: 'the flag refuses content', body: { flags: V2, content: 'hi', components: [text('hi')] }, errorPath: ['content'], errorCode: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2' },
  { rule: 'the flag refuses embeds', body: { flags: V2, embeds: [{ title: 't' }], components: [text('hi')] }, errorPath: ['embeds'], errorCode: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2' },
  { rule: 'the flag refuses stickers', body: { flags: V2, sticker_ids: ['1234567890123456789'], components: [text('hi')] }, errorPath: ['sticker_ids'], errorCode: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2' },
  {
    rule: 'the flag refuses a poll',
    body: { flags: V2, poll: { question: { text: 'Threads?' }, answers: [{ poll_media: { text: 'Yes' } }, { poll_media: { text: 'No' } }] }, components: [text('hi')] },
    errorPath: ['poll'],
    errorCode: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
  },
  { rule: 'layout components need the flag', body: { components: [container(text('hi'))] }, errorPath: ['components', '0', 'type'], errorCode: 'UNION_TYPE_CHOICES' },
  { rule: 'a section holds at most 3 text displays', body: { flags: V2, components: [section([text('a'), text('b'), text('c'), text('d')], button('s'))] }, errorPath: ['components', '0', 'components'], errorCode: 'BASE_TYPE_BAD_LENGTH' },
  { rule: 'a section holds text displays only', body: { flags: V2, components: [section([row(button('r'))], button('s'))] }, errorPath: ['components', '0', 'components', '0', 'type'], errorCode: 'UNION_TYPE_CHOICES' },
  { rule: 'a section has an accessory', body: { flags: V2, components: [section([text('a')])] }, errorPath: ['components', '0', 'accessory'], errorCode: 'BASE_TYPE_REQUIRED' },
  { rule: "a section's accessory is a button or a thumbnail", body: { flags: V2, components: [section([text('a')], text('b'))] }, errorPath: ['components', '0', 'accessory', 'type'], errorCode: 'UNION_TYPE_CHOICES' },
  { rule: 'a thumbnail stands only as an accessory', body: { flags: V2, components: [thumbnail()] }, errorPath: ['components', '0', 'type'], errorCode: 'UNION_TYPE_CHOICES' },
  { rule: "a thumbnail's alt text is at most 1024", body: { flags: V2, components: [section([text('a')], thumbnail('d'.repeat(1025)))] }, errorPath: ['components', '0', 'accessory', 'description'], errorCode: 'BASE_TYPE_MAX_LENGTH' },
  { rule: 'a media gallery holds at least 1 item', body: { flags: V2, components: [gallery()] }, errorPath: ['components', '0', 'items'], errorCode: 'BASE_TYPE_BAD_LENGTH' },
  { rule: 'a media gallery holds at most 10 items', body: { flags: V2, components: [gallery(...Array.from({ length: 11 }, () => picture()))] }, errorPath: ['components', '0', 'items'], errorCode: 'BASE_TYPE_BAD_LENGTH' },
  { rule: "a gallery item's alt text is at most 1024", body: { flags: V2, components: [gallery(picture(undefined, 'd'.repeat(1025)))] }, errorPath: ['components', '0', 'items', '0', 'description'], errorCode: 'BASE_TYPE_MAX_LENGTH' },
  { rule: 'a gallery item has a media url', body: { flags: V2, components: [gallery({ description: 'no picture' })] }, errorPath: ['components', '0', 'items', '0', 'media', 'url'], errorCode: 'BASE_TYPE_REQUIRED' },
  { rule: 'a file points at an upload', body: { flags: V2, components: [{ type: 13, file: { url: 'https://example.org/sketch.py' } }] }, errorPath: ['components', '0', 'file', 'url'], errorCode: 'BASE_TYPE_INVALID' },
  { rule: "a separator's spacing is 1 or 2", body: { flags: V2, components: [text('a'), { type: 14, spacing: 3 }] }, errorPath: ['components', '1', 'spacing'], errorCode: 'BASE_TYPE_CHOICES' },
  { rule: 'a container holds no container', body: { flags: V2, components: [container(container(text('a')))] }, errorPath: ['components', '0', 'components', '0', 'type'], errorCode: 'UNION_TYPE_CHOICES' },
  { rule: 'a container is not empty', body: { flags: V2, components: [text('a'), container()] }, errorPath: ['components', '1', 'components'], errorCode: 'BASE_TYPE_MIN_LENGTH' },
  { rule: "a container's accent colour is RGB", body: { flags: V2, components: [{ ...container(text('a')), accent_color: 0x1000000 }] }, errorPath: ['components', '0', 'accent_color'], errorCode: 'NUMBER_TYPE_MAX' },
  { rule: 'a text display holds at most 4000', body: { flags: V2, components: [text('x'.repeat(4001))] }, errorPath: ['components', '0', 'content'], errorCode: 'BASE_TYPE_BAD_LENGTH' },
  {
    rule: 'all text displays together hold at most 4000',
    body: { flags: V2, components: [container(text('x'.repeat(2000)), section([text('y'.repeat(2000))], button('s'))), text('z')] },
    errorPath: ['components'],
    errorCode: 'BASE_TYPE_MAX_LENGTH',
  },
  {
    rule: 'at most 40 components, nested ones counted',
    // 1 container + 13 sections of (section, text display, button accessory) = 40, and one text display more.
    body: { flags: V2, components: [container(...Array.from({ length: 13 }, (_, index) => section([text('a')], button(`b${index}`)))), text('one too many')] },
    errorPath: ['components'],
    errorCode: 'BASE_TYPE_MAX_LENGTH',
  },
  {
    rule: 'an action row in a container keeps its 5 buttons',
    body: { flags: V2, components: [container(row(...Array.from({ length: 6 }, (_, index) => button(`b${index}`))))] },
    errorPath: ['components', '0', 'components', '0', 'components'],
    errorCode: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
  },
  {
    rule: 'custom ids are unique across the layout, accessories included',
    body: { flags: V2, components: [container(section([text('a')], button('same')), row(button('same')))] },
    errorPath: ['components', '0', 'components', '1', 'components', '0', 'custom_id'],
    errorCode: 'COMPONENT_CUSTOM_ID_DUPLICATED',
  },
  {
    rule: "a section's button follows the button rules",
    body: { flags: V2, components: [section([text('a')], { type: 2, style: 1, label: 'No id' })] },
    errorPath: ['components', '0', 'accessory', 'custom_id'],
    errorCode: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED',
  },
];

/** The `_errors` Discord put at a path of its nested form errors. */
function errorsAt(error: DiscordAPIError, path: readonly string[]): { code: string }[] {
  const errors = (error.rawError as { errors?: unknown }).errors;
  const leaf = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { _errors?: { code: string }[] } | undefined;
  return leaf?._errors ?? [];
}

/** A Components V2 outcome as a bot builds it with discord.js: every kind of piece, each at its limit where it has one. */
function outcomeAtTheLimits(): Record<string, unknown> {
  const head = [text(`## Use ThreadPoolExecutor\n${'r'.repeat(1000)}`), text(`\`\`\`py\n${'s'.repeat(1000)}\n\`\`\``)];
  // What is left of the 4000 once the head and the three one-letter texts below are counted.
  const filler = 4000 - head.reduce((sum, display) => sum + display.content.length, 0) - 3;
  return {
    flags: V2,
    components: [
      {
        ...container(
          ...head,
          { type: 14, divider: true, spacing: 2 },
          gallery(picture('attachment://tree.png', 'd'.repeat(1024)), ...Array.from({ length: 9 }, () => picture())),
          section([text('t'.repeat(filler)), text('a'), text('b')], button('why')),
          section([text('c')], thumbnail('alt')),
          row(...Array.from({ length: 5 }, (_, index) => button(`answer-${index}`, 'l'.repeat(80)))),
          row({ type: 3, custom_id: 'why-not', options: [{ label: 'asyncio', value: 'asyncio' }] }),
        ),
        accent_color: 0xffffff,
        spoiler: false,
      },
      // The container holds 21 (itself, 2 texts, a separator, a gallery, sections of 5 and 3, rows of 6 and 2); 19 more make 40.
      ...Array.from({ length: 9 }, (_, index) => row({ type: 2, style: 5, label: `Docs ${index}`, url: 'https://docs.python.org/3/' })),
      { type: 14 },
    ],
  };
}

describe.each([{ schemaChecks: true }, { schemaChecks: false }])('Components V2 bodies through the REST API (OpenAPI schema checks: $schemaChecks)', ({ schemaChecks }) => {
  let session: Session;
  let channelId: string;
  beforeAll(async () => {
    session = await connect({ schemaChecks });
    channelId = guildWithUser(session.discord).channel.id;
  });
  afterAll(async () => {
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  it.each(refusals)('GIVEN a body breaking "$rule" WHEN the bot posts it THEN Discord refuses with 50035 and $errorCode there', async ({ body, errorPath, errorCode }) => {
    const error = await refusal(session.client.rest.post(Routes.channelMessages(channelId), { body }));
    expect([error.status, error.code]).toEqual([400, 50035]);
    expect(errorsAt(error, errorPath).map((entry) => entry.code)).toContain(errorCode);
    expect(session.discord.messages(channelId)).toEqual([]);
  });

  it('GIVEN a layout at every limit (40 components, 4000 characters of text, 10 pictures, 1024 of alt text) WHEN the bot posts it THEN it is accepted', async () => {
    const before = session.discord.violations.length;
    const posted = (await session.client.rest.post(Routes.channelMessages(channelId), { body: outcomeAtTheLimits() })) as { id: string; flags: number };
    expect(session.discord.violations.length).toBe(before);
    expect(posted.flags).toBe(V2);
    await session.client.rest.delete(Routes.channelMessage(channelId, posted.id));
  });
});

describe('Components V2 messages as a user sees them', () => {
  let session: Session;
  let world: ReturnType<typeof guildWithUser>;
  beforeAll(async () => {
    session = await connect();
    world = guildWithUser(session.discord);
    await session.client.application?.commands.set([{ name: 'guide', description: 'Start the guide' }], world.guild.id);
  });
  afterAll(async () => {
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  /** Resolves with the next slash command the bot receives, without answering it. */
  const nextCommand = () =>
    new Promise<ChatInputCommandInteraction>((resolve) => {
      const listener = (interaction: Interaction) => {
        if (!interaction.isChatInputCommand()) return;
        session.client.off(Events.InteractionCreate, listener);
        resolve(interaction);
      };
      session.client.on(Events.InteractionCreate, listener);
    });

  const upload = (name: string) => ({ name, data: Buffer.from(name), contentType: 'image/png' });

  it('GIVEN a V2 message with two uploads WHEN its gallery points at one THEN the user sees only that one; a classic message shows both', async () => {
    const files = [upload('tree.png'), upload('unused.png')];
    await session.client.rest.post(Routes.channelMessages(world.channel.id), {
      body: { flags: V2, components: [container(text('The tree'), gallery(picture('attachment://tree.png', 'Your path through the tree')))] },
      files,
    });
    await session.client.rest.post(Routes.channelMessages(world.channel.id), { body: { content: 'classic' }, files });
    const [componentsV2, classic] = session.discord.messages(world.channel.id);
    expect(componentsV2?.attachments.map((attachment) => attachment.filename)).toEqual(['tree.png']);
    expect(classic?.attachments.map((attachment) => attachment.filename)).toEqual(['tree.png', 'unused.png']);
  });

  it('GIVEN a mention in a text display WHEN allowed_mentions allows it THEN it pings, as in content; WHEN it parses none THEN nobody is pinged', async () => {
    const mention = `Over to you, <@${world.user.id}>`;
    await session.client.rest.post(Routes.channelMessages(world.channel.id), { body: { flags: V2, components: [container(text(mention))] } });
    await session.client.rest.post(Routes.channelMessages(world.channel.id), { body: { flags: V2, components: [container(text(mention))], allowed_mentions: { parse: [] } } });
    const [pinging, quiet] = session.discord.messages(world.channel.id).slice(-2);
    expect(pinging?.mentions).toEqual([world.user.id]);
    expect(quiet?.mentions).toEqual([]);
  });

  it("GIVEN a reply built with discord.js's V2 builders WHEN the user runs the command THEN they see the container, its pieces in order, and its buttons as rows", async () => {
    const received = nextCommand();
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    const layout = new ContainerBuilder()
      .setAccentColor(0x3ba55c)
      .addTextDisplayComponents(new TextDisplayBuilder().setContent('## Use ThreadPoolExecutor'))
      .addSeparatorComponents(new SeparatorBuilder().setDivider(false).setSpacing(SeparatorSpacingSize.Large))
      .addMediaGalleryComponents(new MediaGalleryBuilder().addItems(new MediaGalleryItemBuilder().setURL('attachment://tree.png').setDescription('Your path')))
      .addSectionComponents(
        new SectionBuilder()
          .addTextDisplayComponents(new TextDisplayBuilder().setContent('Not what you expected?'))
          .setButtonAccessory(new ButtonBuilder().setCustomId('why').setLabel('Why?').setStyle(ButtonStyle.Secondary)),
      )
      .addActionRowComponents((actionRow) => actionRow.addComponents(new ButtonBuilder().setCustomId('restart').setLabel('Start over').setStyle(ButtonStyle.Primary)));
    await interaction.reply({ components: [layout], flags: MessageFlags.IsComponentsV2, files: [new AttachmentBuilder(Buffer.from('png'), { name: 'tree.png' })] });
    const shown = await run;
    expect(shown.content).toBe('');
    expect(shown.attachments.map((attachment) => attachment.filename)).toEqual(['tree.png']);
    expect(shown.components.map((buttons) => buttons.map((component) => component.type === 'button' && component.label))).toEqual([['Why?'], ['Start over']]);
    expect(shown.layout).toEqual([
      {
        type: 'container',
        accentColor: 0x3ba55c,
        spoiler: false,
        components: [
          { type: 'textDisplay', content: '## Use ThreadPoolExecutor' },
          { type: 'separator', divider: false, spacing: 'large' },
          { type: 'mediaGallery', items: [{ url: 'attachment://tree.png', description: 'Your path', spoiler: false }] },
          { type: 'section', texts: ['Not what you expected?'], accessory: expect.objectContaining({ type: 'button', label: 'Why?', customId: 'why' }) },
          { type: 'actionRow', components: [expect.objectContaining({ type: 'button', label: 'Start over', customId: 'restart', style: 'primary' })] },
        ],
      },
    ]);
  });

  it("GIVEN a V2 message WHEN the user clicks a section's button and a button in a container's row THEN the bot receives each click", async () => {
    const layout = [container(section([text('Not sure?')], button('why', 'Why?')), row(button('restart', 'Start over')))];
    const posted = (await session.client.rest.post(Routes.channelMessages(world.channel.id), { body: { flags: V2, components: layout } })) as { id: string };
    const clicked: string[] = [];
    const answer = (interaction: Interaction) => {
      if (!interaction.isButton()) return;
      clicked.push(interaction.customId);
      void interaction.update({ components: layout, flags: MessageFlags.IsComponentsV2 });
    };
    session.client.on(Events.InteractionCreate, answer);
    try {
      await world.actor.clickButton(posted.id, { label: 'Why?' });
      await world.actor.clickButton(posted.id, { label: 'Start over' });
    } finally {
      session.client.off(Events.InteractionCreate, answer);
    }
    expect(clicked).toEqual(['why', 'restart']);
  });

  it('GIVEN a command WHEN the bot defers with the V2 flag THEN Discord refuses (a deferral carries only ephemeral), and an ephemeral deferral is accepted', async () => {
    const received = nextCommand();
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    const error = await refusal(callback(session, interaction, { type: 5, data: { flags: V2 } }));
    expect([error.status, error.code]).toEqual([400, 50035]);
    expect(errorsAt(error, ['data', 'flags']).map((entry) => entry.code)).toEqual(['MESSAGE_FLAGS_INVALID']);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({ content: 'done' });
    expect((await run).ephemeral).toBe(true);
  });

  it('GIVEN an interaction reply WHEN it sets the V2 flag and content THEN Discord refuses with errors under data.content', async () => {
    const received = nextCommand();
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    const error = await refusal(interaction.reply({ content: 'hi', components: [new TextDisplayBuilder().setContent('hi')], flags: MessageFlags.IsComponentsV2 }));
    expect(errorsAt(error, ['data', 'content']).map((entry) => entry.code)).toEqual(['MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']);
    await interaction.reply({ components: [new TextDisplayBuilder().setContent('hi')], flags: MessageFlags.IsComponentsV2 });
    expect((await run).content).toBe('');
  });
});
