import { apiMessage, apiTargetMessage, apiUser } from '../api-objects.ts';
import { DriverError, InteractionFailedError } from '../errors.ts';
import { hasIntent, Intents } from '../gateway/intents.ts';
import { ownersOfPlace } from '../installations.ts';
import { CommandType, InteractionType, type InteractionInit, type InteractionOutcome, type InteractionRecord, type InteractionTypeNumber } from '../interactions.ts';
import { gatewayReader, type ContentReader } from '../message-content.ts';
import { renderMessage } from '../render.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from '../rules/json.ts';
import type {
  ButtonAnswer,
  ButtonChoice,
  ForgedComponent,
  OpenedModal,
  RenderedMessage,
  SelectChoice,
  SlashOptionValue,
  User,
  UserActor,
  WaitOptions,
} from '../types.ts';
import type { AuthorizingOwners, StoredChannel, StoredMessage } from '../world.ts';
import { offerCommand } from './command-offer.ts';
import { interactionPayload } from './interaction-payload.ts';
import { interactionPlace } from './interaction-place.ts';
import { watchDeletion } from './deletion.ts';
import { checkModalValues, readModalForm, submittedComponents, type ModalForm } from './modal-form.ts';
import { resolveInvocation } from './slash-options.ts';
import { userAccess, visibleTo, type DriverDeps } from './user-access.ts';
import { DEFAULT_WAIT_MS, userMessages } from './user-messages.ts';
import { waitFor } from './wait.ts';
import { CUSTOM_ID_MAX } from '../rules/limits.ts';

/** An interaction's `data`, or a builder of it for the receiving session's reader (a message command's target). */
type InteractionData = JsonRecord | ((reader: ContentReader) => JsonRecord);

/**
 * Where a modal came from: a component's message (its submit may update that message) or a
 * command, and the installations that authorized the interaction that opened it.
 */
interface ModalOrigin {
  readonly channelId: string;
  readonly sourceMessageId?: string;
  readonly owners: AuthorizingOwners;
}

/** A user acting through the Discord client: commands, clicks, modals, messages, and what they see. */
export function createUserActor(deps: DriverDeps, user: User): UserActor {
  const stored = deps.world.users.get(user.id);
  if (stored === undefined || stored.bot) throw new DriverError(`unknown user ${user.id}; create it with createUser first`);
  const { channelFor, visibleMessage } = userAccess(deps, user);

  const render = (messageId: string): RenderedMessage => {
    const message = deps.world.message(messageId);
    if (message === undefined) throw new DriverError(`the bot's answer (message ${messageId}) was deleted before it could be read`);
    return renderMessage(message);
  };

  /** Sends the interaction to the bot and waits until the user sees its complete answer, or its modal. */
  const interact = async (interaction: InteractionRecord, data: InteractionData, opts: WaitOptions | undefined, message?: StoredMessage): Promise<InteractionOutcome> => {
    const payloadFor = (reader: ContentReader) => {
      const messageObject = message === undefined ? undefined : apiMessage(message, deps.world, deps.origin(), reader);
      const payloadData = typeof data === 'function' ? data(reader) : data;
      return interactionPayload(deps.world, deps.bot, interaction, stored, payloadData, messageObject);
    };
    if (!deps.endpoint.active && !deps.gateway.hasSessionFor(interaction.init.guildId)) {
      throw new DriverError('no bot is connected to the gateway for this guild; start the bot and await waitForBotReady() first');
    }
    // Watching from before the bot hears of the click: it may delete the message at once.
    const deletion = message === undefined ? undefined : watchDeletion(deps.world, interaction, message.id);
    try {
      if (deps.endpoint.active) {
        // No session to take intents from: the component's message is gated by the app's own setting, as REST answers are.
        deps.endpoint.deliver(interaction, payloadFor(deps.reader));
      } else {
        // The component's message comes over the gateway, gated by the session's intents like MESSAGE_CREATE.
        deps.gateway.deliver(interaction.init.guildId, (session) => ({ t: 'INTERACTION_CREATE', d: payloadFor(gatewayReader(deps.bot.userId, hasIntent(session.intents, Intents.MessageContent))) }));
      }
      const timeoutMs = opts?.timeoutMs ?? DEFAULT_WAIT_MS;
      const outcome = deletion === undefined ? interaction.answer : Promise.race([interaction.answer, deletion.outcome]);
      return await waitFor(outcome, timeoutMs, () => `the bot did not answer the interaction within ${timeoutMs} ms (acknowledged: ${interaction.acknowledged})`);
    } finally {
      deletion?.stop();
    }
  };

  /** What the user saw instead of the answer a call expected, for its DriverError. */
  const deletedInstead = (outcome: InteractionOutcome & { kind: 'deleted' }) =>
    new DriverError(`the bot deleted message ${outcome.messageId} in answer; use clickButtonToDelete for a button that removes its message`);

  /** The answer as a message; a modal is refused, saying how to open one (`instead`). */
  const expectMessage = (outcome: InteractionOutcome, instead: string): RenderedMessage => {
    if (outcome.kind === 'message') return render(outcome.messageId);
    if (outcome.kind === 'deleted') throw deletedInstead(outcome);
    throw new DriverError(`the bot answered with a modal ("${asString(outcome.modal['title']) ?? ''}"), not a message; ${instead}`);
  };

  /** The answer as a modal the user can fill in; a message is refused, saying what it was. */
  const expectModal = (outcome: InteractionOutcome, origin: ModalOrigin, action: string): OpenedModal => {
    if (outcome.kind === 'modal') return openedModal(readModalForm(outcome.modal), origin);
    if (outcome.kind === 'deleted') throw deletedInstead(outcome);
    const answer = render(outcome.messageId);
    const shown = answer.content !== '' ? JSON.stringify(answer.content.slice(0, 80)) : answer.embeds[0]?.title !== undefined ? `an embed "${answer.embeds[0].title}"` : `message ${answer.id}`;
    throw new DriverError(`the bot answered ${action} with a message, not a modal: ${shown}`);
  };

  const newInteraction = (channel: StoredChannel, type: InteractionTypeNumber, owners: AuthorizingOwners, extra: Partial<Pick<InteractionInit, 'sourceMessageId' | 'commandName' | 'commandType' | 'targetMessageId'>>) =>
    deps.interactions.create({ id: deps.newId(), type, ...interactionPlace(deps.world, deps.bot.userId, channel, user.id, owners), ...extra });

  /** A click on a message carries the installations behind the interaction that made it (or the server's, for the bot's own post). */
  const ownersOfMessage = (message: StoredMessage, channel: StoredChannel): AuthorizingOwners => message.interaction?.owners ?? ownersOfPlace(channel);

  /** A component interaction on a message the user sees. */
  const componentInteraction = (message: StoredMessage) => {
    const channel = channelFor(message.channelId);
    return newInteraction(channel, InteractionType.MessageComponent, ownersOfMessage(message, channel), { sourceMessageId: message.id });
  };

  const openedModal = (form: ModalForm, origin: ModalOrigin): OpenedModal => {
    let state: 'open' | 'submitted' | 'closed' = 'open';
    return {
      customId: form.customId,
      title: form.title,
      fields: form.fields,
      async submit(values: Readonly<Record<string, string>>, opts?: WaitOptions) {
        if (state !== 'open') throw new DriverError(`the modal "${form.title}" was already ${state}; open it again to send another`);
        checkModalValues(form, values);
        const channel = channelFor(origin.channelId);
        const source = origin.sourceMessageId === undefined ? undefined : deps.world.message(origin.sourceMessageId);
        if (origin.sourceMessageId !== undefined && (source === undefined || !visibleTo(source, user.id))) {
          throw new DriverError(`the message that opened the modal "${form.title}" is gone; the Discord client would close the modal`);
        }
        state = 'submitted';
        const interaction = newInteraction(channel, InteractionType.ModalSubmit, origin.owners, origin.sourceMessageId === undefined ? {} : { sourceMessageId: origin.sourceMessageId });
        try {
          const outcome = await interact(interaction, { custom_id: form.customId, components: submittedComponents(form, values) }, opts, source);
          return expectMessage(outcome, 'a modal cannot answer a modal submit');
        } catch (error) {
          // The Discord client keeps a modal open when its submit failed, so the user can try again.
          if (error instanceof InteractionFailedError) state = 'open';
          throw error;
        }
      },
      close() {
        if (state === 'open') state = 'closed';
      },
    };
  };

  const startSlashCommand = (channelId: string, name: string, options: Readonly<Record<string, SlashOptionValue>>, opts: WaitOptions | undefined) => {
    const channel = channelFor(channelId);
    const [commandName = '', ...path] = name.trim().replace(/^\//, '').split(/\s+/);
    const { command, owners } = offerCommand(deps.world, deps.bot.userId, channel, user, commandName, CommandType.ChatInput);
    const invocation = resolveInvocation(command.definition, path, options);
    const interaction = newInteraction(channel, InteractionType.ApplicationCommand, owners, { commandName, commandType: CommandType.ChatInput });
    const data = { id: command.id, name: commandName, type: CommandType.ChatInput, options: invocation.options, ...(command.guildId === undefined ? {} : { guild_id: command.guildId }) };
    return { origin: { channelId: channel.id, owners }, outcome: interact(interaction, data, opts) };
  };

  const startMessageCommand = (messageId: string, name: string, opts: WaitOptions | undefined) => {
    const target = visibleMessage(messageId);
    const channel = channelFor(target.channelId);
    const { command, owners } = offerCommand(deps.world, deps.bot.userId, channel, user, name, CommandType.Message);
    const interaction = newInteraction(channel, InteractionType.ApplicationCommand, owners, { commandName: name, commandType: CommandType.Message, targetMessageId: target.id });
    const author = deps.world.users.get(target.authorId);
    const data = (reader: ContentReader): JsonRecord => ({
      id: command.id,
      name,
      type: CommandType.Message,
      target_id: target.id,
      resolved: {
        // The target carries its content whatever the session's intents: Discord's documented exception.
        messages: { [target.id]: apiTargetMessage(target, deps.world, deps.origin(), reader) },
        ...(author === undefined ? {} : { users: { [author.id]: apiUser(author) } }),
      },
      ...(command.guildId === undefined ? {} : { guild_id: command.guildId }),
    });
    return { origin: { channelId: channel.id, owners }, outcome: interact(interaction, data, opts) };
  };

  /** Finds a clickable button on a message the user sees and sends its click. */
  const startClick = (messageId: string, which: ButtonChoice, opts: WaitOptions | undefined) => {
    const message = visibleMessage(messageId);
    const buttons = componentsOf(message).filter((component) => component['type'] === 2);
    const button = buttons.find((candidate) => ('label' in which ? candidate['label'] === which.label : candidate['custom_id'] === which.customId));
    if (button === undefined) {
      const labels = buttons.map((candidate) => JSON.stringify(candidate['label'] ?? candidate['custom_id'])).join(', ');
      throw new DriverError(`message ${messageId} has no button ${JSON.stringify('label' in which ? which.label : which.customId)} (buttons: ${labels || 'none'})`);
    }
    if (button['disabled'] === true) throw new DriverError(`the button ${JSON.stringify(button['label'])} is disabled`);
    const customId = asString(button['custom_id']);
    if (customId === undefined) throw new DriverError(`the button ${JSON.stringify(button['label'])} is a link or premium button; clicking it sends the bot nothing`);
    const interaction = componentInteraction(message);
    const origin: ModalOrigin = { channelId: message.channelId, sourceMessageId: message.id, owners: interaction.init.owners };
    return { origin, outcome: interact(interaction, { custom_id: customId, component_type: 2 }, opts, message) };
  };

  const actor: UserActor = {
    user,
    ...userMessages(deps, user),

    async runSlashCommand(channelId: string, name: string, options: Readonly<Record<string, SlashOptionValue>> = {}, opts?: WaitOptions) {
      return expectMessage(await startSlashCommand(channelId, name, options, opts).outcome, 'use openModalFromCommand to see and submit it');
    },

    async openModalFromCommand(channelId: string, name: string, options: Readonly<Record<string, SlashOptionValue>> = {}, opts?: WaitOptions) {
      const started = startSlashCommand(channelId, name, options, opts);
      return expectModal(await started.outcome, started.origin, `/${name.trim().replace(/^\//, '')}`);
    },

    async runMessageCommand(messageId: string, name: string, opts?: WaitOptions) {
      return expectMessage(await startMessageCommand(messageId, name, opts).outcome, 'use openModalFromMessageCommand to see and submit it');
    },

    async openModalFromMessageCommand(messageId: string, name: string, opts?: WaitOptions) {
      const started = startMessageCommand(messageId, name, opts);
      return expectModal(await started.outcome, started.origin, `the message command ${JSON.stringify(name)}`);
    },

    async clickButton(messageId: string, which: ButtonChoice, opts?: WaitOptions) {
      return expectMessage(await startClick(messageId, which, opts).outcome, 'use openModal to see and submit it');
    },

    async openModal(messageId: string, which: ButtonChoice, opts?: WaitOptions) {
      const started = startClick(messageId, which, opts);
      return expectModal(await started.outcome, started.origin, 'the click');
    },

    async pressButton(messageId: string, which: ButtonChoice, opts?: WaitOptions): Promise<ButtonAnswer> {
      const started = startClick(messageId, which, opts);
      const outcome = await started.outcome;
      if (outcome.kind === 'modal') return { kind: 'modal', modal: openedModal(readModalForm(outcome.modal), started.origin) };
      if (outcome.kind === 'deleted') throw deletedInstead(outcome);
      return { kind: 'message', message: render(outcome.messageId) };
    },

    async clickButtonToDelete(messageId: string, which: ButtonChoice, opts?: WaitOptions) {
      const outcome = await startClick(messageId, which, opts).outcome;
      if (outcome.kind === 'deleted') return;
      const shown = outcome.kind === 'modal' ? `a modal ("${asString(outcome.modal['title']) ?? ''}")` : outcome.messageId === messageId ? 'the message updated' : `message ${outcome.messageId}`;
      throw new DriverError(`the bot answered the click with ${shown}, and message ${messageId} is still there`);
    },

    async selectOption(messageId: string, which: SelectChoice, opts?: WaitOptions) {
      const message = visibleMessage(messageId);
      const selects = componentsOf(message).filter((component) => component['type'] === 3);
      const select = which.customId === undefined ? (selects.length === 1 ? selects[0] : undefined) : selects.find((candidate) => candidate['custom_id'] === which.customId);
      if (select === undefined) throw new DriverError(`message ${messageId} has ${selects.length} select menus; none matches ${which.customId ?? '(no custom id given)'}`);
      if (select['disabled'] === true) throw new DriverError(`the select menu ${String(select['custom_id'])} is disabled`);
      const offered = (asArray(select['options']) ?? []).map((option) => asString(asRecord(option)?.['value']));
      const unknown = which.values.filter((value) => !offered.includes(value));
      if (unknown.length > 0) throw new DriverError(`the select menu does not offer ${unknown.join(', ')} (it offers ${offered.join(', ')})`);
      const min = asNumber(select['min_values']) ?? 1;
      const max = asNumber(select['max_values']) ?? 1;
      if (which.values.length < min || which.values.length > max) throw new DriverError(`the select menu takes ${min}-${max} values, not ${which.values.length}`);
      const interaction = componentInteraction(message);
      const data = { custom_id: String(select['custom_id']), component_type: 3, values: [...which.values] };
      return expectMessage(await interact(interaction, data, opts, message), 'the driver opens modals from buttons and commands only');
    },

    async sendComponentInteraction(messageId: string, component: ForgedComponent, opts?: WaitOptions) {
      const message = visibleMessage(messageId);
      // Discord never delivers a custom id outside 1-100 characters, whatever the client sends.
      if (typeof component.customId !== 'string' || component.customId.length < 1 || component.customId.length > CUSTOM_ID_MAX) {
        throw new DriverError(`a custom id is 1-${CUSTOM_ID_MAX} characters, got ${JSON.stringify(component.customId)}`);
      }
      if (!Number.isInteger(component.componentType)) throw new DriverError(`componentType must be an integer, got ${String(component.componentType)}`);
      const interaction = componentInteraction(message);
      const data = { custom_id: component.customId, component_type: component.componentType, ...(component.values === undefined ? {} : { values: [...component.values] }) };
      return expectMessage(await interact(interaction, data, opts, message), 'use openModal on a button the message shows');
    },

  };
  return actor;
}

/** The buttons and selects of a message, wherever its layout puts them: rows, containers, section accessories. */
function componentsOf(message: StoredMessage): JsonRecord[] {
  const controls = (components: readonly unknown[]): JsonRecord[] =>
    components.flatMap((component) => {
      const record = asRecord(component);
      if (record === undefined) return [];
      if (record['type'] !== 1 && record['type'] !== 9 && record['type'] !== 17) return [record];
      return controls([...(asArray(record['components']) ?? []), ...(record['accessory'] === undefined ? [] : [record['accessory']])]);
    });
  return controls(message.components);
}

