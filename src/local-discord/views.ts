import { renderMessage } from './render.ts';
import { asArray, asNumber, asRecord, asString } from './rules/json.ts';
import type { ChangeEvent, RegisteredCommand } from './types.ts';
import type { World, WorldEvent } from './world.ts';

/** The registered slash commands, shaped for a page or a test to read. */
export function describeCommands(world: World, guildId: string | undefined): RegisteredCommand[] {
  return world
    .commandsFor(guildId)
    .filter((command) => (asNumber(command.definition['type']) ?? 1) === 1)
    .map((command) => ({
      id: command.id,
      name: asString(command.definition['name']) ?? '',
      description: asString(command.definition['description']) ?? '',
      ...(command.guildId === undefined ? {} : { guildId: command.guildId }),
      options: (asArray(command.definition['options']) ?? []).map((raw) => {
        const option = asRecord(raw) ?? {};
        return {
          name: asString(option['name']) ?? '',
          description: asString(option['description']) ?? '',
          type: asNumber(option['type']) ?? 3,
          required: option['required'] === true,
          choices: (asArray(option['choices']) ?? []).map((choice) => {
            const record = asRecord(choice) ?? {};
            const value = record['value'];
            return { name: asString(record['name']) ?? '', value: typeof value === 'number' ? value : String(value) };
          }),
        };
      }),
    }));
}

/** A world event as the live view of a channel needs it, or undefined for non-message events. */
export function toChangeEvent(event: WorldEvent): ChangeEvent | undefined {
  switch (event.type) {
    case 'messageCreated':
      return { type: 'messageCreated', channelId: event.message.channelId, message: renderMessage(event.message) };
    case 'messageUpdated':
      return { type: 'messageUpdated', channelId: event.message.channelId, message: renderMessage(event.message) };
    case 'messageDeleted':
      return { type: 'messageDeleted', channelId: event.message.channelId, messageId: event.message.id };
    default:
      return undefined;
  }
}
