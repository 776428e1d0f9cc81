import { describe, expect, it } from 'vitest';
import * as uiText from '../../src/core/ui-text.ts';
import { LIMITS } from '../../src/core/discord-limits.ts';

describe('ui text', () => {
  it.each(Object.entries(uiText.buttonLabels))('GIVEN the %s button THEN its label fits a Discord button', (_name, label) => {
    expect(label.trim()).not.toBe('');
    expect(label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  });

  it('GIVEN all button labels THEN no two are the same, so the user can tell the buttons apart', () => {
    const labels = Object.values(uiText.buttonLabels);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('GIVEN a step number and a total THEN the step line shows both', () => {
    expect(uiText.stepLine(2, 4)).toBe('Step 2 of 4');
  });

  it('GIVEN a total that an answer may still shorten THEN the step line calls it a ceiling', () => {
    expect(uiText.stepLine(1, 4, false)).toBe('Step 1 of up to 4');
  });

  it('GIVEN a reason THEN "because" puts it after the fixed opening words', () => {
    expect(uiText.because('your task mostly computes.')).toBe('Because you said your task mostly computes.');
  });

  it('GIVEN a user with no guide, or a stale button THEN the message points to the command that starts one', () => {
    expect(uiText.noGuideYet).toContain(uiText.guideCommand);
    expect(uiText.staleButton).toContain(uiText.guideCommand);
  });

  it('GIVEN the longest API name THEN the recommendation title still fits an embed title', () => {
    expect(uiText.recommendationTitle('concurrent.futures.ProcessPoolExecutor').length).toBeLessThanOrEqual(LIMITS.embedTitle);
  });
});
