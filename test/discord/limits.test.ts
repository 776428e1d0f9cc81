import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/discord-limits.ts';
import { askForm } from '../../src/core/ui-text.ts';
import { commandTexts } from '../../src/discord/bot-text.ts';
import { commandSet } from '../../src/discord/commands.ts';
import { truncate } from '../../src/discord/limits.ts';

describe('truncate', () => {
  it('GIVEN text within the limit THEN it is unchanged', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('GIVEN text over the limit THEN it is cut to the limit and ends with an ellipsis', () => {
    const cut = truncate('x'.repeat(30), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('the words Discord shows around the guide fit its limits', () => {
  it('GIVEN the commands THEN their names and descriptions fit what Discord accepts for a command', () => {
    for (const command of commandSet()) {
      expect(command.name.length).toBeLessThanOrEqual(LIMITS.commandName);
      expect(('description' in command ? command.description : undefined)?.length ?? 0).toBeLessThanOrEqual(LIMITS.commandDescription);
      for (const option of ('options' in command ? command.options : undefined) ?? []) expect(option.description.length).toBeLessThanOrEqual(LIMITS.commandDescription);
    }
    expect(commandSet().map((command) => command.name)).toContain(commandTexts.askAboutMessage);
  });

  it('GIVEN the Ask form THEN its title, label and placeholder fit a modal', () => {
    expect(askForm.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    expect(askForm.label.length).toBeLessThanOrEqual(LIMITS.textInputLabel);
    expect(askForm.placeholder.length).toBeLessThanOrEqual(LIMITS.textInputPlaceholder);
  });
});
