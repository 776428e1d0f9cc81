import { ApplicationCommandUpdateRequestSchema } from 'discord-api-spec/zod';
import { ApiError, apiErrors } from '../errors.ts';
import { botInGuild } from '../installations.ts';
import { commandListProblems, integrationTypeProblems } from '../rules/command-rules.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from '../rules/json.ts';
import { specProblems } from '../rules/spec-validation.ts';
import type { StoredCommand } from '../world.ts';
import { json, noContent, type RestContext, type RestRequest, type RestResponse, type Route } from './route.ts';

const unknownGuild = () => new ApiError(404, 10004, 'Unknown Guild');

/** The command list a route addresses: global, or one guild's. */
function commandScope(context: RestContext, request: RestRequest): { guildId: string | undefined; list: StoredCommand[] } {
  if (request.params['appId'] !== context.bot.applicationId) throw apiErrors.missingAccess();
  const guildId = request.params['guildId'];
  if (guildId === undefined) return { guildId, list: context.world.globalCommands };
  const guild = context.world.guilds.get(guildId);
  if (guild === undefined) throw unknownGuild();
  // A server that never installed the app gives it no commands of its own.
  if (!botInGuild(guild, context.bot.userId)) throw apiErrors.missingAccess();
  const existing = context.world.guildCommands.get(guildId);
  if (existing !== undefined) return { guildId, list: existing };
  const list: StoredCommand[] = [];
  context.world.guildCommands.set(guildId, list);
  return { guildId, list };
}

function commandObject(context: RestContext, command: StoredCommand): JsonRecord {
  const definition = command.definition;
  return {
    id: command.id,
    application_id: context.bot.applicationId,
    version: command.version,
    default_member_permissions: null,
    type: asNumber(definition['type']) ?? 1,
    nsfw: false,
    name: definition['name'],
    name_localizations: null,
    description: asString(definition['description']) ?? '',
    description_localizations: null,
    ...(command.guildId === undefined ? {} : { guild_id: command.guildId }),
    options: asArray(definition['options']) ?? [],
    contexts: asArray(definition['contexts']) ?? null,
    integration_types: asArray(definition['integration_types']) ?? command.integrationTypes ?? [0],
    dm_permission: definition['dm_permission'] ?? true,
  };
}

function validateCommands(context: RestContext, guildId: string | undefined, commands: readonly unknown[]): void {
  const problems = [
    ...commands.flatMap((command, index) => specProblems(ApplicationCommandUpdateRequestSchema, command).map((problem) => ({ ...problem, path: [index, ...problem.path] }))),
    ...commandListProblems(commands),
    // Installation contexts are for global commands only; a guild command's are not looked at.
    ...(guildId === undefined ? integrationTypeProblems(commands, context.integrationTypes) : []),
  ];
  if (problems.length > 0) throw apiErrors.invalidFormBody(problems);
}

/**
 * Keeps the id of a command whose name and type are unchanged, as Discord does. A global command
 * without `integration_types` gets the app's installation contexts of the time it is saved.
 */
function storeCommand(context: RestContext, previous: readonly StoredCommand[], guildId: string | undefined, definition: JsonRecord): StoredCommand {
  const type = asNumber(definition['type']) ?? 1;
  const same = previous.find((command) => command.definition['name'] === definition['name'] && (asNumber(command.definition['type']) ?? 1) === type);
  const given = asArray(definition['integration_types'])?.flatMap((value) => (typeof value === 'number' ? [value] : []));
  const scope = guildId === undefined ? { integrationTypes: given ?? [...context.integrationTypes] } : { guildId };
  return { id: same?.id ?? context.newId(), version: context.newId(), definition, ...scope };
}

function overwrite(context: RestContext, request: RestRequest): RestResponse {
  const { guildId, list } = commandScope(context, request);
  const commands = asArray(request.body);
  if (commands === undefined) throw apiErrors.invalidFormBody([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'A bulk overwrite takes a list of commands.' }]);
  validateCommands(context, guildId, commands);
  const stored = commands.map((command) => storeCommand(context, list, guildId, asRecord(command) ?? {}));
  list.splice(0, list.length, ...stored);
  return json(stored.map((command) => commandObject(context, command)));
}

function createOne(context: RestContext, request: RestRequest): RestResponse {
  const { guildId, list } = commandScope(context, request);
  const definition = asRecord(request.body);
  if (definition === undefined) throw apiErrors.invalidFormBody([{ path: [], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }]);
  const others = list.filter((command) => command.definition['name'] !== definition['name'] || command.definition['type'] !== definition['type']);
  // A single create reports its problems at the top level, not under a list index.
  const listProblems = [...commandListProblems([definition]), ...(guildId === undefined ? integrationTypeProblems([definition], context.integrationTypes) : [])];
  const problems = [...specProblems(ApplicationCommandUpdateRequestSchema, definition), ...listProblems.map((problem) => ({ ...problem, path: problem.path.slice(1) }))];
  if (problems.length > 0) throw apiErrors.invalidFormBody(problems);
  const stored = storeCommand(context, list, guildId, definition);
  const existed = list.some((command) => command.id === stored.id);
  list.splice(0, list.length, ...others, stored);
  return json(commandObject(context, stored), existed ? 200 : 201);
}

const bucket = (params: Readonly<Record<string, string>>) => `commands:${params['guildId'] ?? 'global'}`;

/** Registering application commands, globally or per guild. */
export const commandRoutes: readonly Route[] = [
  ...(['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands'] as const).flatMap((path): Route[] => [
    { method: 'PUT', path, auth: true, bucket, handle: overwrite },
    { method: 'POST', path, auth: true, bucket, handle: createOne },
    {
      method: 'GET',
      path,
      auth: true,
      bucket,
      handle: (context, request) => json(commandScope(context, request).list.map((command) => commandObject(context, command))),
    },
    {
      method: 'DELETE',
      path: `${path}/:commandId`,
      auth: true,
      bucket,
      handle(context, request) {
        const { list } = commandScope(context, request);
        const index = list.findIndex((command) => command.id === request.params['commandId']);
        if (index < 0) throw apiErrors.unknownCommand();
        list.splice(index, 1);
        return noContent();
      },
    },
  ]),
];
