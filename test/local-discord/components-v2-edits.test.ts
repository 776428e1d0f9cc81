import { Events, MessageFlags as DiscordMessageFlags, Routes, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callback, connect, guildWithUser, refusal, type Session } from './harness.ts';
import { CHANNEL_MESSAGE_FLAGS, flagsAfterEdit, MessageFlags, messageProblems, type EditedMessage } from '../../src/local-discord/rules/message-rules.ts';

const V2 = MessageFlags.IsComponentsV2;
const layout = [{ type: 17, components: [{ type: 10, content: '## Use asyncio' }] }];
const classicGuide: EditedMessage = { flags: 0, content: '', embeds: [{ title: 'Step 1 of 3' }] };
const componentsV2Guide: EditedMessage = { flags: V2, content: '', embeds: [] };

/** The codes an edit of `editing` with `body` is refused with, by path. */
const refusals = (body: Record<string, unknown>, editing: EditedMessage) =>
  messageProblems(body, CHANNEL_MESSAGE_FLAGS, editing).map((problem) => [problem.path.join('.'), problem.code]);

// The edit rules of Components V2, on their own: which edits Discord refuses, and the flags a message keeps.
describe('Components V2 edits', () => {
  it('GIVEN a V2 message WHEN an edit sends flags without IS_COMPONENTS_V2 THEN Discord refuses: the flag cannot be removed', () => {
    expect(refusals({ flags: 0, content: 'back to text' }, componentsV2Guide)).toContainEqual(['flags', 'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG']);
  });

  it('GIVEN a V2 message WHEN an edit leaves flags out THEN it is still a V2 message: a new layout is accepted and content refused', () => {
    expect(refusals({ components: layout }, componentsV2Guide)).toEqual([]);
    expect(refusals({ content: 'text' }, componentsV2Guide)).toEqual([['content', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']]);
  });

  it('GIVEN a classic message with an embed WHEN an edit sets the flag and clears the embeds THEN it is accepted', () => {
    expect(refusals({ flags: V2, embeds: [], components: layout }, classicGuide)).toEqual([]);
  });

  it('GIVEN a classic message WHEN an edit sets the flag but leaves its embeds or content in place THEN Discord refuses', () => {
    expect(refusals({ flags: V2, components: layout }, classicGuide)).toEqual([['embeds', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']]);
    expect(refusals({ flags: V2, embeds: [], components: layout }, { ...classicGuide, content: 'Pick one:' })).toEqual([['content', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']]);
    expect(refusals({ flags: V2, content: '', embeds: [], components: layout }, { ...classicGuide, content: 'Pick one:' })).toEqual([]);
  });

  it('GIVEN the flags an edit sends THEN the message gains IS_COMPONENTS_V2 but never loses it, keeps ephemeral, and stops loading', () => {
    expect(flagsAfterEdit(0, V2)).toBe(V2);
    expect(flagsAfterEdit(V2, 0)).toBe(V2);
    expect(flagsAfterEdit(V2, undefined)).toBe(V2);
    // A deferred, ephemeral answer whose edit brings the layout: the flag goes on the edit, not on the deferral.
    expect(flagsAfterEdit(MessageFlags.Loading | MessageFlags.Ephemeral, V2)).toBe(MessageFlags.Ephemeral | V2);
    expect(flagsAfterEdit(MessageFlags.SuppressEmbeds, 0)).toBe(0);
  });
});

describe('Components V2 edits through the REST routes', () => {
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

  /** Resolves with the next interaction the bot receives that `accept` takes, without answering it. */
  const next = <T extends Interaction>(accept: (interaction: Interaction) => interaction is T) =>
    new Promise<T>((resolve) => {
      const listener = (interaction: Interaction) => {
        if (!accept(interaction)) return;
        session.client.off(Events.InteractionCreate, listener);
        resolve(interaction);
      };
      session.client.on(Events.InteractionCreate, listener);
    });
  const isCommand = (interaction: Interaction): interaction is ChatInputCommandInteraction => interaction.isChatInputCommand();
  const isButton = (interaction: Interaction): interaction is ButtonInteraction => interaction.isButton();
  const shown = (messageId: string) => session.discord.messages(world.channel.id).find((message) => message.id === messageId);

  it('GIVEN a classic message WHEN the bot PATCHes it with the flag, a layout and no embeds THEN it is V2 from then on: content is refused, and so is dropping the flag', async () => {
    const posted = (await session.client.rest.post(Routes.channelMessages(world.channel.id), { body: { embeds: [{ title: 'Step 1 of 3' }] } })) as { id: string };
    const route = Routes.channelMessage(world.channel.id, posted.id);
    await session.client.rest.patch(route, { body: { flags: V2, embeds: [], components: layout } });
    expect(shown(posted.id)?.layout).toEqual([{ type: 'container', spoiler: false, components: [{ type: 'textDisplay', content: '## Use asyncio' }] }]);
    const dropped = await refusal(session.client.rest.patch(route, { body: { flags: 0, content: 'back to text', components: [] } }));
    expect(dropped.rawError).toMatchObject({ code: 50035, errors: { flags: { _errors: [{ code: 'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG' }] } } });
    const content = await refusal(session.client.rest.patch(route, { body: { content: 'text' } }));
    expect(content.rawError).toMatchObject({ code: 50035, errors: { content: { _errors: [{ code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2' }] } } });
    expect(shown(posted.id)?.layout).toHaveLength(1);
  });

  it('GIVEN a click on a classic message WHEN the bot answers with UPDATE_MESSAGE turning it into V2 THEN the user sees the layout; a later update that drops the flag is refused', async () => {
    const posted = (await session.client.rest.post(Routes.channelMessages(world.channel.id), { body: { content: 'Pick one:', components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'go', label: 'Go' }] }] } })) as { id: string };
    const clicked = next(isButton);
    const click = world.actor.clickButton(posted.id, { label: 'Go' });
    await (await clicked).update({ content: '', components: [...layout, { type: 1, components: [{ type: 2, style: 1, custom_id: 'again', label: 'Again' }] }], flags: DiscordMessageFlags.IsComponentsV2 });
    expect((await click).layout.map((component) => component.type)).toEqual(['container', 'actionRow']);
    const again = next(isButton);
    const second = world.actor.clickButton(posted.id, { label: 'Again' });
    const interaction = await again;
    const error = await refusal(callback(session, interaction, { type: 7, data: { flags: 0, content: 'plain', components: [] } }));
    expect(error.rawError).toMatchObject({ errors: { data: { flags: { _errors: [{ code: 'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG' }] } } } });
    await interaction.update({ components: layout, flags: DiscordMessageFlags.IsComponentsV2 });
    expect((await second).layout.map((component) => component.type)).toEqual(['container']);
  });

  it('GIVEN a deferred reply WHEN the bot edits it with the flag and a layout THEN the user sees the V2 answer, no longer thinking', async () => {
    const received = next(isCommand);
    const run = world.actor.runSlashCommand(world.channel.id, 'guide');
    const interaction = await received;
    await interaction.deferReply();
    await interaction.editReply({ components: layout, flags: DiscordMessageFlags.IsComponentsV2 });
    const answer = await run;
    expect([answer.loading, answer.content, answer.layout.length]).toEqual([false, '', 1]);
  });
});
