import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandSet } from '../../src/discord/commands.ts';
import { explainRegistrationFailure } from '../../src/discord/register-commands.ts';

const target = { apiUrl: 'https://discord.com/api', token: 'secret-token', applicationId: '123456789012345678', guildId: '223456789012345678' };
const apiError = (status: number, code: number) =>
  new DiscordAPIError({ code, message: 'refused' }, code, status, 'PUT', 'https://discord.com/api/v10/applications', { body: undefined, files: undefined });

describe('explainRegistrationFailure', () => {
  it('GIVEN the bot is not in the server THEN the line says to invite it with applications.commands', () => {
    expect(explainRegistrationFailure(apiError(403, 50001), target)).toContain(`server ${target.guildId}`);
    expect(explainRegistrationFailure(apiError(403, 50001), target)).toContain('applications.commands');
  });

  it('GIVEN an unknown application THEN the line names the settings to check', () => {
    expect(explainRegistrationFailure(apiError(404, 10002), target)).toContain('DISCORD_APPLICATION_ID');
  });

  it('GIVEN a Discord outage THEN the line says to try again', () => {
    const outage = new HTTPError(503, 'Service Unavailable', 'PUT', 'https://discord.com/api/v10/applications', { body: undefined, files: undefined });
    expect(explainRegistrationFailure(outage, target)).toContain('try again');
  });

  it('GIVEN any failure THEN the answer is one line and never holds the token', () => {
    for (const error of [apiError(401, 0), apiError(403, 50001), apiError(400, 50035), new Error('socket hang up'), 'weird']) {
      const line = explainRegistrationFailure(error, target);
      expect(line).not.toContain('\n');
      expect(line).not.toContain(target.token);
    }
  });
});

describe('commandSet', () => {
  it('GIVEN the command set THEN /concurrency has the optional boolean "private" and works everywhere, installed to a server or by a member', () => {
    const command = commandSet().find((candidate) => candidate.name === 'concurrency');
    if (command === undefined || command.type !== undefined && command.type !== 1) throw new Error('no slash command');
    expect('options' in command && command.options).toEqual([expect.objectContaining({ name: 'private', type: 5, required: false })]);
    expect(command.contexts).toEqual([0, 1, 2]);
    expect(command.integration_types).toEqual([0, 1]);
    expect('description' in command && command.description.length).toBeLessThanOrEqual(100);
  });

  it('GIVEN the command set THEN "Ask the concurrency guide" is a message command (type 3) with a name Discord accepts', () => {
    const command = commandSet().find((candidate) => candidate.type === 3);
    expect(command?.name).toBe('Ask the concurrency guide');
    expect(command?.name.length).toBeLessThanOrEqual(32);
    expect(command && 'description' in command ? command.description : '').toBe('');
    expect(command?.contexts).toEqual([0, 1, 2]);
    expect(command?.integration_types).toEqual([0, 1]);
  });
});
