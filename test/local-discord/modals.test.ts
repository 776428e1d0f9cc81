import type {
  DiscordAPIError} from 'discord.js';
import {
  Events,
  MessageFlags,
  Routes,
  type APIMessage,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACK_WINDOW_MS, createManualClock, DriverError, InteractionFailedError, type LocalDiscordOptions } from '../../src/local-discord/index.ts';
import { callback, connect, type Dispatch, guildWithUser, recordDispatches, refusal, type Session } from './harness.ts';

/*
 * Discord's documented rules for modals (interaction callback type 9) and their submits
 * (interaction type 5, MODAL_SUBMIT). Each test is named after the rule it enforces; the bot is a
 * bare discord.js client whose answers each test scripts.
 */

type Json = Record<string, unknown>;

const textInput = (over: Json = {}): Json => ({ type: 4, custom_id: 'question', style: 1, placeholder: 'e.g. why not threads?', min_length: 3, max_length: 50, required: true, ...over });
const label = (component: Json = textInput(), over: Json = {}): Json => ({ type: 18, label: 'What would you like to know?', component, ...over });
const modal = (over: Json = {}): Json => ({ custom_id: 'ask-form', title: 'Ask the guide', components: [label()], ...over });
const legacyRow = (input: Json = textInput({ label: 'Your question' })): Json => ({ type: 1, components: [input] });

interface Bot {
  button?: (interaction: ButtonInteraction) => Promise<unknown>;
  submit?: (interaction: ModalSubmitInteraction) => Promise<unknown>;
  command?: (interaction: ChatInputCommandInteraction) => Promise<unknown>;
}



/** The `_errors` at a path of a 50035 answer's nested errors, or undefined. */
function errorsAt(error: DiscordAPIError, path: readonly (string | number)[]): unknown[] | undefined {
  const errors = (error.rawError as { errors?: unknown }).errors;
  const node = path.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[String(key)], errors) as { _errors?: unknown[] } | undefined;
  return node?._errors;
}

const interactionsOfType = (seen: readonly Dispatch[], type: number) => seen.filter((dispatch) => dispatch.t === 'INTERACTION_CREATE' && (dispatch.d as { type: number }).type === type).map((dispatch) => dispatch.d as Json);

describe('modals, as Discord documents them', () => {
  let session: Session;
  let world: ReturnType<typeof guildWithUser>;
  let bot: Bot;
  let botErrors: unknown[];
  let seen: Dispatch[];
  /** How many refusals (violations) the test provokes on purpose. */
  let refusalsExpected: number;

  const start = async (options: LocalDiscordOptions = {}) => {
    session = await connect(options);
    world = guildWithUser(session.discord);
    seen = recordDispatches(session.client);
    await session.client.application?.commands.set([{ name: 'ask', description: 'Opens the Ask form' }], world.guild.id);
    session.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      const handle = interaction.isButton() ? bot.button : interaction.isModalSubmit() ? bot.submit : interaction.isChatInputCommand() ? bot.command : undefined;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler takes its own kind, picked just above
      handle?.(interaction as any).catch((error: unknown) => botErrors.push(error));
    });
  };

  /** A bot message with an Ask button, posted through the channel route. */
  const postAsk = async (): Promise<APIMessage> =>
    (await session.client.rest.post(Routes.channelMessages(world.channel.id), {
      body: { content: 'Need help?', components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'open', label: 'Ask' }] }] },
    })) as APIMessage;

  beforeEach(async () => {
    bot = {};
    botErrors = [];
    refusalsExpected = 0;
    await start();
  });
  afterEach(async () => {
    expect(botErrors).toEqual([]);
    expect(session.discord.violations).toHaveLength(refusalsExpected);
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  /** Has the bot answer the Ask click with `data`, and returns Discord's refusal of it. */
  const refusedModal = async (data: unknown): Promise<DiscordAPIError> => {
    const refused = new Promise<DiscordAPIError>((resolve) => {
      bot.button = async (interaction) => {
        resolve(await refusal(callback(session, interaction, { type: 9, data })));
        await interaction.reply({ content: 'the modal was refused', flags: MessageFlags.Ephemeral });
      };
    });
    const ask = await postAsk();
    await world.actor.clickButton(ask.id, { label: 'Ask' });
    refusalsExpected += 1;
    return refused;
  };

  describe.each([
    { checks: 'schema and documented rules', schemaChecks: true },
    { checks: 'documented rules alone (schema checks off)', schemaChecks: false },
  ])('the shape of a modal, checked by $checks', ({ schemaChecks }) => {
    beforeEach(async () => {
      await session.close();
      await start({ schemaChecks });
    });

    const cases: { rule: string; data: Json; path: (string | number)[] }[] = [
      { rule: "A modal's custom_id is at most 100 characters", data: modal({ custom_id: 'x'.repeat(101) }), path: ['data', 'custom_id'] },
      { rule: "A modal's custom_id is not empty", data: modal({ custom_id: '' }), path: ['data', 'custom_id'] },
      { rule: "A modal's title is at most 45 characters", data: modal({ title: 't'.repeat(46) }), path: ['data', 'title'] },
      { rule: 'A modal has a title', data: modal({ title: undefined }), path: ['data', 'title'] },
      { rule: 'A modal has at least one component', data: modal({ components: [] }), path: ['data', 'components'] },
      {
        rule: 'A modal has at most 5 top-level components',
        data: modal({ components: [1, 2, 3, 4, 5, 6].map((n) => label(textInput({ custom_id: `q${n}` }))) }),
        path: ['data', 'components'],
      },
      { rule: "A Label's label is at most 45 characters", data: modal({ components: [label(textInput(), { label: 'l'.repeat(46) })] }), path: ['data', 'components', 0, 'label'] },
      { rule: "A Label's description is at most 100 characters", data: modal({ components: [label(textInput(), { description: 'd'.repeat(101) })] }), path: ['data', 'components', 0, 'description'] },
      { rule: 'A Label wraps one component', data: modal({ components: [{ type: 18, label: 'Question' }] }), path: ['data', 'components', 0, 'component'] },
      { rule: 'A text input cannot stand at the top level of a modal', data: modal({ components: [textInput()] }), path: ['data', 'components', 0, 'type'] },
      { rule: "A text input's style is 1 (short) or 2 (paragraph)", data: modal({ components: [label(textInput({ style: 3 }))] }), path: ['data', 'components', 0, 'component', 'style'] },
      { rule: "A text input's min_length is at most its max_length", data: modal({ components: [label(textInput({ min_length: 20, max_length: 10 }))] }), path: ['data', 'components', 0, 'component', 'min_length'] },
      { rule: "A text input's max_length is at most 4000", data: modal({ components: [label(textInput({ max_length: 4001 }))] }), path: ['data', 'components', 0, 'component', 'max_length'] },
      { rule: "A text input's min_length is at least 0", data: modal({ components: [label(textInput({ min_length: -1 }))] }), path: ['data', 'components', 0, 'component', 'min_length'] },
      { rule: "A text input's placeholder is at most 100 characters", data: modal({ components: [label(textInput({ placeholder: 'p'.repeat(101) }))] }), path: ['data', 'components', 0, 'component', 'placeholder'] },
      { rule: "A text input's prefilled value is at most 4000 characters", data: modal({ components: [label(textInput({ value: 'v'.repeat(4001), max_length: 4000 }))] }), path: ['data', 'components', 0, 'component', 'value'] },
      { rule: "A text input's custom_id is at most 100 characters", data: modal({ components: [label(textInput({ custom_id: 'c'.repeat(101) }))] }), path: ['data', 'components', 0, 'component', 'custom_id'] },
      { rule: "The custom ids of a modal's inputs are unique", data: modal({ components: [label(), label()] }), path: ['data', 'components', 1, 'component', 'custom_id'] },
      {
        rule: 'A deprecated action row in a modal holds exactly one text input',
        data: modal({ components: [{ type: 1, components: [textInput({ label: 'A' }), textInput({ label: 'B', custom_id: 'other' })] }] }),
        path: ['data', 'components', 0, 'components'],
      },
      { rule: 'A text input in a deprecated action row carries its own label', data: modal({ components: [legacyRow(textInput())] }), path: ['data', 'components', 0, 'components', 0, 'label'] },
    ];

    it.each(cases)('$rule', async ({ data, path }) => {
      const error = await refusedModal(data);
      expect([error.status, error.code]).toEqual([400, 50035]);
      expect(errorsAt(error, path)?.length).toBeGreaterThan(0);
    });
  });

  it("A modal's Label may wrap a select, a file upload, a radio group, a checkbox group or a checkbox", async () => {
    const children: Json[] = [
      { type: 3, custom_id: 'topic', options: [{ label: 'Threads', value: 'threads' }], required: false },
      { type: 19, custom_id: 'file', required: false },
      { type: 21, custom_id: 'size', options: [{ label: 'Small', value: 's' }, { label: 'Large', value: 'l' }], required: false },
      { type: 22, custom_id: 'kinds', options: [{ label: 'CPU', value: 'cpu' }], required: false },
      { type: 23, custom_id: 'agree' },
    ];
    for (const child of children) {
      bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: [label(child, { label: 'Pick' })] }) });
      const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
      // The driver lists text inputs; the others are there for the bot, empty when submitted.
      expect(opened.fields).toEqual([]);
      opened.close();
    }
  });

  it('A Text Display may stand at the top level of a modal, and comes back in the submit with its id alone', async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: [{ type: 10, content: 'Ask one thing at a time.' }, label()] }) });
    bot.submit = (interaction) => interaction.reply({ content: 'ok' });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    await opened.submit({ question: 'why not threads?' });
    const [submit] = interactionsOfType(seen, 5);
    expect((submit?.['data'] as Json)['components']).toEqual([
      { type: 10, id: 1 },
      { type: 18, id: 2, component: { type: 4, id: 3, custom_id: 'question', value: 'why not threads?' } },
    ]);
  });

  it('A modal opens in answer to a component, and the user sees its title and text inputs', async () => {
    bot.button = (interaction) =>
      callback(session, interaction, {
        type: 9,
        data: modal({ components: [label(textInput(), { description: 'One question' }), label(textInput({ custom_id: 'detail', style: 2, required: false, value: 'none', min_length: undefined, max_length: undefined, placeholder: undefined }), { label: 'Anything else?' })] }),
      });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    expect(opened.customId).toBe('ask-form');
    expect(opened.title).toBe('Ask the guide');
    expect(opened.fields).toEqual([
      { label: 'What would you like to know?', description: 'One question', customId: 'question', style: 'short', placeholder: 'e.g. why not threads?', required: true, minLength: 3, maxLength: 50 },
      { label: 'Anything else?', customId: 'detail', style: 'paragraph', required: false, value: 'none' },
    ]);
    opened.close();
  });

  it('A modal opens in answer to a slash command', async () => {
    bot.command = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    const opened = await world.actor.openModalFromCommand(world.channel.id, 'ask');
    expect(opened.title).toBe('Ask the guide');
    opened.close();
  });

  it('A modal cannot answer a modal submit', async () => {
    refusalsExpected = 1;
    const refused = new Promise<DiscordAPIError>((resolve) => {
      bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
      bot.submit = async (interaction) => {
        resolve(await refusal(callback(session, interaction, { type: 9, data: modal({ custom_id: 'second-form' }) })));
        await interaction.reply({ content: 'a message instead' });
      };
    });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    const answer = await opened.submit({ question: 'why not threads?' });
    const error = await refused;
    expect([error.status, error.code]).toEqual([400, 50035]);
    expect(errorsAt(error, ['type'])?.length).toBeGreaterThan(0);
    expect(answer.content).toBe('a message instead');
  });

  it('A modal cannot follow an acknowledgement (40060)', async () => {
    refusalsExpected = 1;
    const refused = new Promise<DiscordAPIError>((resolve) => {
      bot.button = async (interaction) => {
        await interaction.deferUpdate();
        resolve(await refusal(callback(session, interaction, { type: 9, data: modal() })));
        await interaction.editReply({ content: 'no modal after all' });
      };
    });
    const answer = await world.actor.clickButton((await postAsk()).id, { label: 'Ask' });
    const error = await refused;
    expect([error.status, error.code]).toEqual([400, 40060]);
    expect(answer.content).toBe('no modal after all');
  });

  it('A modal sent after the 3 s window, or with an unknown token, is refused as an unknown interaction (10062)', async () => {
    await session.close();
    const clock = createManualClock();
    await start({ clock });
    refusalsExpected = 2;
    const received = new Promise<ButtonInteraction>((resolve) => {
      bot.button = async (interaction) => resolve(interaction);
    });
    const click = world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    const interaction = await received;
    clock.advance(ACK_WINDOW_MS + 1);
    await expect(click).rejects.toBeInstanceOf(InteractionFailedError);
    const late = await refusal(callback(session, interaction, { type: 9, data: modal() }));
    expect([late.status, late.code]).toEqual([404, 10062]);
    const forged = await refusal(callback(session, { id: interaction.id, token: 'not-the-token' }, { type: 9, data: modal() }));
    expect([forged.status, forged.code]).toEqual([404, 10062]);
  });

  it("A modal submit carries the modal's custom_id and each input's value inside its Label", async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: [label(), label(textInput({ custom_id: 'detail', min_length: 0, required: false }), { label: 'Anything else?' })] }) });
    bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    await opened.submit({ question: 'why not threads?' });
    const [submit] = interactionsOfType(seen, 5);
    expect(submit?.['data']).toEqual({
      custom_id: 'ask-form',
      components: [
        { type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'question', value: 'why not threads?' } },
        { type: 18, id: 3, component: { type: 4, id: 4, custom_id: 'detail', value: '' } },
      ],
    });
    // Everything else as for any interaction in a guild.
    expect(submit).toMatchObject({ type: 5, guild_id: world.guild.id, channel_id: world.channel.id, member: { user: { id: world.user.id } }, context: 0 });
  });

  it("A modal submit keeps the bot's own component ids", async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: [{ ...label(textInput({ id: 7 })), id: 3 }, label(textInput({ custom_id: 'detail', required: false }))] }) });
    bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    await opened.submit({ question: 'why not threads?' });
    const [submit] = interactionsOfType(seen, 5);
    // Discord numbers the components the bot left without an id, skipping those it chose.
    expect((submit?.['data'] as Json)['components']).toEqual([
      { type: 18, id: 3, component: { type: 4, id: 7, custom_id: 'question', value: 'why not threads?' } },
      { type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'detail', value: '' } },
    ]);
  });

  it("A deprecated action-row modal is still accepted, and its submit carries each value inside its action row", async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: [legacyRow()] }) });
    bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    expect(opened.fields.map((field) => [field.label, field.customId])).toEqual([['Your question', 'question']]);
    await opened.submit({ question: 'why not threads?' });
    const [submit] = interactionsOfType(seen, 5);
    expect((submit?.['data'] as Json)['components']).toEqual([{ type: 1, id: 1, components: [{ type: 4, id: 2, custom_id: 'question', value: 'why not threads?' }] }]);
  });

  it('A submit of a modal opened from a component carries that message; one opened from a command carries none', async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    bot.command = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
    const ask = await postAsk();
    await (await world.actor.openModal(ask.id, { label: 'Ask' })).submit({ question: 'from the button' });
    await (await world.actor.openModalFromCommand(world.channel.id, 'ask')).submit({ question: 'from the command' });
    const [fromButton, fromCommand] = interactionsOfType(seen, 5);
    expect((fromButton?.['message'] as Json | undefined)?.['id']).toBe(ask.id);
    expect(fromCommand).not.toHaveProperty('message');
  });

  it('A modal submit is answered with a message, which only the submitting user sees when ephemeral', async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    bot.submit = (interaction) => interaction.reply({ content: `you asked: ${interaction.fields.getTextInputValue('question')}`, flags: MessageFlags.Ephemeral });
    const ask = await postAsk();
    const answer = await (await world.actor.openModal(ask.id, { label: 'Ask' })).submit({ question: 'why not threads?' });
    expect(answer).toMatchObject({ content: 'you asked: why not threads?', ephemeral: true, ephemeralFor: world.user.id });
    const other = session.discord.createUser('bob');
    session.discord.addMember(world.guild.id, other.id);
    expect(session.discord.as(other).view(world.channel.id).map((message) => message.id)).toEqual([ask.id]);
  });

  it('A modal submit may be answered with a deferral, then an edit', async () => {
    bot.command = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    bot.submit = async (interaction) => {
      await interaction.deferReply();
      await interaction.editReply({ content: 'thought about it' });
    };
    const answer = await (await world.actor.openModalFromCommand(world.channel.id, 'ask')).submit({ question: 'why not threads?' });
    expect(answer).toMatchObject({ content: 'thought about it', loading: false, ephemeral: false });
  });

  it('A submit of a modal opened from a component may update that message (7), or defer the update (6)', async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    bot.submit = async (interaction) => {
      if (interaction.isFromMessage()) await interaction.update({ content: `answered: ${interaction.fields.getTextInputValue('question')}`, components: [] });
    };
    const ask = await postAsk();
    const updated = await (await world.actor.openModal(ask.id, { label: 'Ask' })).submit({ question: 'why not threads?' });
    expect(updated).toMatchObject({ id: ask.id, content: 'answered: why not threads?', components: [] });

    bot.submit = async (interaction) => {
      if (!interaction.isFromMessage()) return;
      await interaction.deferUpdate();
      await interaction.editReply({ content: 'updated later' });
    };
    const second = await postAsk();
    const later = await (await world.actor.openModal(second.id, { label: 'Ask' })).submit({ question: 'and processes?' });
    expect(later).toMatchObject({ id: second.id, content: 'updated later' });
  });

  it('A submit of a modal opened from a command cannot update a message (6 and 7 are refused)', async () => {
    refusalsExpected = 2;
    const refused = new Promise<DiscordAPIError[]>((resolve) => {
      bot.command = (interaction) => callback(session, interaction, { type: 9, data: modal() });
      bot.submit = async (interaction) => {
        const errors = [await refusal(callback(session, interaction, { type: 7, data: { content: 'x' } })), await refusal(callback(session, interaction, { type: 6 }))];
        resolve(errors);
        await interaction.reply({ content: 'a new message instead' });
      };
    });
    const answer = await (await world.actor.openModalFromCommand(world.channel.id, 'ask')).submit({ question: 'why not threads?' });
    for (const error of await refused) {
      expect([error.status, error.code]).toEqual([400, 50035]);
      expect(errorsAt(error, ['type'])?.length).toBeGreaterThan(0);
    }
    expect(answer.content).toBe('a new message instead');
  });

  it('A modal the user closes sends nothing', async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    bot.command = (interaction) => interaction.reply({ content: 'still here' });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    opened.close();
    await expect(opened.submit({ question: 'why not threads?' })).rejects.toThrow(/closed/);
    // Anything sent before this command would have reached the bot before it.
    await world.actor.runSlashCommand(world.channel.id, 'ask');
    expect(interactionsOfType(seen, 5)).toEqual([]);
  });

  describe('the values a user submits', () => {
    const refusedValues: { rule: string; values: Record<string, string>; message: RegExp }[] = [
      { rule: 'A required text input must be filled in', values: { question: '' }, message: /required/ },
      { rule: "A text input's value has at least min_length characters", values: { question: 'ab' }, message: /at least 3/ },
      { rule: "A text input's value has at most max_length characters", values: { question: 'q'.repeat(51) }, message: /at most 50/ },
      { rule: 'A short text input holds one line', values: { question: 'why\nnot threads?' }, message: /one-line/ },
      { rule: "Only the modal's own inputs can be filled in", values: { question: 'why not threads?', colour: 'red' }, message: /no text input "colour"/ },
    ];

    it.each(refusedValues)('$rule: the client refuses otherwise and sends nothing', async ({ values, message }) => {
      bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
      bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
      const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
      const attempt = opened.submit(values);
      await expect(attempt).rejects.toBeInstanceOf(DriverError);
      await expect(attempt).rejects.toThrow(message);
      // The modal stays open: corrected values go through.
      await opened.submit({ question: 'why not threads?' });
      expect(interactionsOfType(seen, 5)).toHaveLength(1);
    });

    it('An optional text input may stay empty, and a prefilled value is submitted unless the user types another', async () => {
      const inputs = [label(textInput({ required: false })), label(textInput({ custom_id: 'detail', value: 'prefilled' })), label(textInput({ custom_id: 'third', value: 'old' }))];
      bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: inputs }) });
      bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
      await (await world.actor.openModal((await postAsk()).id, { label: 'Ask' })).submit({ third: 'new' });
      const [submit] = interactionsOfType(seen, 5);
      const values = ((submit?.['data'] as Json)['components'] as { component: { custom_id: string; value: string } }[]).map(({ component }) => [component.custom_id, component.value]);
      expect(values).toEqual([
        ['question', ''],
        ['detail', 'prefilled'],
        ['third', 'new'],
      ]);
    });

    it('A required select the driver cannot fill in is refused rather than sent empty', async () => {
      bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal({ components: [label(), label({ type: 3, custom_id: 'topic', options: [{ label: 'Threads', value: 'threads' }] }, { label: 'Topic' })] }) });
      const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
      await expect(opened.submit({ question: 'why not threads?' })).rejects.toThrow(/string select "Topic"/);
      expect(interactionsOfType(seen, 5)).toEqual([]);
      opened.close();
    });

    it('A modal whose submit failed ("This interaction failed") stays open for another try', async () => {
      await session.close();
      const clock = createManualClock();
      await start({ clock });
      let attempts = 0;
      const firstArrived = new Promise<void>((resolve) => {
        bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
        bot.submit = async (interaction) => {
          attempts += 1;
          // The first submit gets no answer at all; the second is answered.
          if (attempts === 1) resolve();
          else await interaction.reply({ content: 'second time lucky' });
        };
      });
      const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
      const first = opened.submit({ question: 'why not threads?' });
      await firstArrived;
      clock.advance(ACK_WINDOW_MS + 1);
      await expect(first).rejects.toBeInstanceOf(InteractionFailedError);
      expect((await opened.submit({ question: 'why not threads?' })).content).toBe('second time lucky');
    });

    it('A modal is submitted once', async () => {
      bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
      bot.submit = (interaction) => interaction.reply({ content: 'thanks' });
      const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
      await opened.submit({ question: 'why not threads?' });
      await expect(opened.submit({ question: 'and processes?' })).rejects.toThrow(/already submitted/);
    });
  });

  it('openModal on a button the bot answers with a message says what came instead', async () => {
    bot.button = (interaction) => interaction.reply({ content: 'no form today' });
    await expect(world.actor.openModal((await postAsk()).id, { label: 'Ask' })).rejects.toThrow(/with a message, not a modal: "no form today"/);
  });

  it('clickButton on a button the bot answers with a modal says to use openModal', async () => {
    bot.button = (interaction) => callback(session, interaction, { type: 9, data: modal() });
    const attempt = world.actor.clickButton((await postAsk()).id, { label: 'Ask' });
    await expect(attempt).rejects.toBeInstanceOf(DriverError);
    await expect(attempt).rejects.toThrow(/modal \("Ask the guide"\).*openModal/);
  });

  it('A modal answered with with_response returns the interaction and a resource of type 9', async () => {
    const response = new Promise<unknown>((resolve) => {
      bot.button = async (interaction) => resolve(await session.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 9, data: modal() }, auth: false, query: new URLSearchParams({ with_response: 'true' }) }));
    });
    const opened = await world.actor.openModal((await postAsk()).id, { label: 'Ask' });
    expect(await response).toMatchObject({ interaction: { type: 3, response_message_loading: false }, resource: { type: 9 } });
    opened.close();
  });
});
