import { ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, ComponentType, InteractionType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { z } from 'zod';
import { LIMITS } from '../../core/discord-limits.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { ASK_INPUT_ID } from '../ask-form.ts';
import { PRIVATE_OPTION } from '../commands.ts';
import { componentsIn, customIdsIn } from '../custom-ids.ts';
import { answersForcedPrivate, type InteractionInput } from '../interaction-input.ts';

/*
 * Reads an interaction as Discord POSTs it to the endpoint (its JSON, already known to be signed)
 * into the handler's input. Only the fields the guide uses are checked; anything malformed is
 * refused with a reason (the endpoint answers 400), never thrown.
 */

const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.object({ id: snowflake, bot: z.boolean().optional() });
// A permission bitfield, as Discord sends it: a decimal string.
const permissions = z.string().regex(/^\d{1,30}$/).optional();
const flags = z.number().int().optional();

const envelope = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1).max(1000).optional(),
  member: z.object({ user, permissions }).optional(),
  context: z.number().int().optional(),
  authorizing_integration_owners: z.record(z.string(), z.string()).optional(),
  user: user.optional(),
  data: z.unknown().optional(),
  message: z.unknown().optional(),
});

const commandData = z.object({
  name: z.string(),
  type: z.number().int().optional(),
  target_id: snowflake.optional(),
  options: z.array(z.object({ name: z.string(), type: z.number().int(), value: z.unknown().optional() })).optional(),
  resolved: z.object({ messages: z.record(z.string(), z.object({ content: z.string(), author: user })).optional() }).optional(),
});
const componentData = z.object({ custom_id: z.string().max(LIMITS.customId), component_type: z.number().int(), values: z.array(z.string()).optional() });
const clickedMessage = z.object({ id: snowflake, flags, edited_timestamp: z.string().nullable().optional() });
const modalData = z.object({ custom_id: z.string().max(LIMITS.customId), components: z.array(z.unknown()) });
const formSource = z.object({ flags, components: z.array(z.unknown()).optional() });


/** The key of authorizing_integration_owners present when the server installed the app. */
const GUILD_INSTALL = String(ApplicationIntegrationType.GuildInstall);

/** What the endpoint received: a PING to answer with PONG, or an interaction for the handler. */
export type EndpointRequest =
  | { readonly kind: 'ping' }
  | { readonly kind: 'interaction'; readonly applicationId: string; readonly token: string; readonly input: InteractionInput };

/** Reads a signed request body; an error names what is wrong, for a 400 and a log line. */
export function readInteraction(body: unknown): Result<EndpointRequest, string> {
  // A PING needs nothing but its type to be answered; Discord checks the URL with it.
  if (typeof body === 'object' && body !== null && (body as { type?: unknown }).type === InteractionType.Ping) return ok({ kind: 'ping' });
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return err(problem(parsed.error));
  const interaction = parsed.data;
  if (interaction.token === undefined) return err('token: missing');
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  if (userId === undefined) return err('user: neither member.user nor user is present');
  const input = readInput(interaction, userId);
  if (!input.ok) return input;
  return ok({ kind: 'interaction', applicationId: interaction.application_id, token: interaction.token, input: input.value });
}

type Common = { readonly id: string; readonly userId: string; readonly answersOnlyPrivate: boolean };

function readInput(interaction: z.infer<typeof envelope>, userId: string): Result<InteractionInput, string> {
  const { id } = interaction;
  const permissions = interaction.member?.permissions === undefined ? undefined : BigInt(interaction.member.permissions);
  const common: Common = {
    id,
    userId,
    answersOnlyPrivate: answersForcedPrivate({
      context: interaction.context,
      serverInstalled: interaction.authorizing_integration_owners?.[GUILD_INSTALL] !== undefined,
      memberPermissions: permissions,
    }),
  };
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      const data = commandData.safeParse(interaction.data);
      if (!data.success) return err(problem(data.error, 'data'));
      // A user context-menu command: the guide registers none.
      if (data.data.type === ApplicationCommandType.User) return ok({ kind: 'other', id });
      return readCommand(common, data.data);
    }
    case InteractionType.MessageComponent: {
      const data = componentData.safeParse(interaction.data);
      const message = clickedMessage.safeParse(interaction.message);
      if (!data.success) return err(problem(data.error, 'data'));
      if (!message.success) return err(problem(message.error, 'message'));
      const { component_type: type } = data.data;
      if (type !== ComponentType.Button && type !== ComponentType.StringSelect) return ok({ kind: 'other-component', ...common });
      const edited = message.data.edited_timestamp;
      const editedAt = edited === undefined || edited === null ? 0 : Date.parse(edited);
      return ok({
        kind: type === ComponentType.Button ? 'button' : 'select',
        ...common,
        customId: data.data.custom_id,
        values: data.data.values ?? [],
        message: { id: message.data.id, editedAt: Number.isNaN(editedAt) ? 0 : editedAt, ephemeral: ((message.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0 },
        managesMessages: ((permissions ?? 0n) & PermissionFlagsBits.ManageMessages) !== 0n,
      });
    }
    case InteractionType.ModalSubmit: {
      const data = modalData.safeParse(interaction.data);
      if (!data.success) return err(problem(data.error, 'data'));
      const source = interaction.message === undefined ? undefined : formSource.safeParse(interaction.message);
      if (source !== undefined && !source.success) return err(problem(source.error, 'message'));
      return ok({
        kind: 'modal',
        ...common,
        customId: data.data.custom_id,
        question: textInputValue(data.data.components, ASK_INPUT_ID),
        message: source === undefined ? undefined : { ephemeral: ((source.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0, customIds: customIdsIn(source.data.components ?? []) },
      });
    }
    default:
      return ok({ kind: 'other', id });
  }
}

function readCommand(common: Common, data: z.infer<typeof commandData>): Result<InteractionInput, string> {
  if (data.type === ApplicationCommandType.Message) {
    const target = data.target_id === undefined ? undefined : data.resolved?.messages?.[data.target_id];
    if (target === undefined) return err('data.resolved.messages: the target message is missing');
    return ok({ kind: 'message-command', ...common, commandName: data.name, target: { content: target.content, authorId: target.author.id, authorIsBot: target.author.bot ?? false } });
  }
  const option = data.options?.find((candidate) => candidate.name === PRIVATE_OPTION);
  if (option !== undefined && (option.type !== ApplicationCommandOptionType.Boolean || typeof option.value !== 'boolean')) return err(`data.options.${PRIVATE_OPTION}: must be a boolean`);
  return ok({ kind: 'command', ...common, commandName: data.name, privateGuide: option?.value === true });
}

/** The value submitted in the form's text input of that custom id (inside a Label or a row). */
function textInputValue(components: readonly unknown[], customId: string): string | undefined {
  for (const component of componentsIn(components)) {
    if (component['custom_id'] === customId && typeof component['value'] === 'string') return component['value'];
  }
  return undefined;
}

function problem(error: z.ZodError, under?: string): string {
  const [first] = error.issues;
  if (first === undefined) return 'malformed';
  const path = [...(under === undefined ? [] : [under]), ...first.path.map(String)].join('.');
  return `${path === '' ? 'body' : path}: ${first.message}`;
}
