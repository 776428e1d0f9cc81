import { DiscordAPIError, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Session } from './harness.ts';

const option = (name: string, required = false) => ({ type: 3, name, description: 'an option', required });

const cases: { rule: string; command: Record<string, unknown>; errorPath: string[] }[] = [
  { rule: 'names are lowercase', command: { name: 'Guide', description: 'd' }, errorPath: ['0', 'name'] },
  { rule: 'names match the documented pattern', command: { name: 'two words', description: 'd' }, errorPath: ['0', 'name'] },
  { rule: 'names are at most 32 characters', command: { name: 'g'.repeat(33), description: 'd' }, errorPath: ['0', 'name'] },
  { rule: 'a slash command has a description', command: { name: 'guide', description: '' }, errorPath: ['0', 'description'] },
  { rule: 'descriptions are at most 100 characters', command: { name: 'guide', description: 'd'.repeat(101) }, errorPath: ['0', 'description'] },
  { rule: 'at most 25 options', command: { name: 'guide', description: 'd', options: Array.from({ length: 26 }, (_, index) => option(`o${index}`)) }, errorPath: ['0', 'options'] },
  { rule: 'required options come first', command: { name: 'guide', description: 'd', options: [option('later'), option('first', true)] }, errorPath: ['0', 'options', '1', 'required'] },
  { rule: 'option names follow the same pattern', command: { name: 'guide', description: 'd', options: [option('Topic')] }, errorPath: ['0', 'options', '0', 'name'] },
];

describe('command registration rules', () => {
  let session: Session;
  let guildId: string;
  beforeAll(async () => {
    session = await connect();
    guildId = session.discord.createGuild().id;
  });
  afterAll(async () => {
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  it.each(cases)('GIVEN a command breaking "$rule" WHEN the bot registers it THEN Discord refuses with 50035', async ({ command, errorPath }) => {
    const error = await session.client.rest.put(Routes.applicationGuildCommands(session.discord.bot.applicationId, guildId), { body: [command] }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    const errors = ((error as DiscordAPIError).rawError as { errors?: unknown }).errors;
    const leaf = errorPath.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { _errors?: unknown[] } | undefined;
    expect(leaf?._errors?.length).toBeGreaterThan(0);
  });

  it('GIVEN valid commands WHEN they are registered twice THEN the ids stay and a user can run them', async () => {
    const body = [{ name: 'guide', description: 'Start the guide', options: [option('topic', true), option('detail')] }, { name: 'why', description: 'Explain' }];
    const first = await session.client.application?.commands.set(body, guildId);
    const second = await session.client.application?.commands.set(body, guildId);
    expect([...(second?.keys() ?? [])]).toEqual([...(first?.keys() ?? [])]);
    expect(second?.map((command) => command.name).sort()).toEqual(['guide', 'why']);
    const offered = session.discord.registeredCommands(guildId).find((command) => command.name === 'guide');
    expect(offered?.options.map((registered) => [registered.name, registered.required])).toEqual([
      ['topic', true],
      ['detail', false],
    ]);
  });

  it('GIVEN global commands WHEN they are registered THEN a user in any guild can find them', async () => {
    await session.client.application?.commands.set([{ name: 'help', description: 'Help' }]);
    const channel = session.discord.createChannel(guildId);
    const user = session.discord.createUser('mary');
    session.discord.addMember(guildId, user.id);
    await expect(session.discord.as(user).runSlashCommand(channel.id, 'nope')).rejects.toThrow(/\/help/);
  });
});
