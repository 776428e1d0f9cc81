import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH, parseComposerInput } from '../../src/playground/common/composer.ts';

describe('parseComposerInput', () => {
  it('GIVEN /concurrency THEN runs the command with no options', () => {
    expect(parseComposerInput('/concurrency', 'Guide')).toEqual({ kind: 'command', name: 'concurrency', options: {} });
  });

  it('GIVEN private:true THEN the option is the boolean true, whatever its case', () => {
    expect(parseComposerInput('  /concurrency private:TRUE ', 'Guide')).toEqual({
      kind: 'command',
      name: 'concurrency',
      options: { private: true },
    });
    expect(parseComposerInput('/concurrency private:false', 'Guide')).toMatchObject({ options: { private: false } });
  });

  it('GIVEN numbers and words as option values THEN they keep their type', () => {
    expect(parseComposerInput('/roll sides:6 label:dice', 'Guide')).toMatchObject({ options: { sides: 6, label: 'dice' } });
  });

  it('GIVEN an option without a value or a colon THEN explains the name:value form', () => {
    const noValue = parseComposerInput('/concurrency private:', 'Guide');
    expect(noValue.kind).toBe('invalid');
    expect(noValue.kind === 'invalid' && noValue.problem).toContain('private:true');
    expect(parseComposerInput('/concurrency private', 'Guide').kind).toBe('invalid');
  });

  it('GIVEN the same option twice THEN says so', () => {
    const result = parseComposerInput('/concurrency private:true private:false', 'Guide');
    expect(result.kind === 'invalid' && result.problem).toContain('twice');
  });

  it('GIVEN a slash and no valid name THEN explains what a command looks like', () => {
    for (const text of ['/', '/Concurrency', '/ concurrency', '/what?']) {
      expect(parseComposerInput(text, 'Guide').kind).toBe('invalid');
    }
  });

  it('GIVEN plain text THEN sends it as a message, trimmed, without a mention', () => {
    expect(parseComposerInput('  why?  ', 'Guide')).toEqual({ kind: 'message', content: 'why?', mentionBot: false });
  });

  it('GIVEN @BotName first THEN mentions the bot and strips the name, in any case', () => {
    expect(parseComposerInput('@guide why not asyncio?', 'Guide')).toEqual({
      kind: 'message',
      content: 'why not asyncio?',
      mentionBot: true,
    });
  });

  it('GIVEN a longer name that starts with the bot name THEN it is not a mention', () => {
    expect(parseComposerInput('@Guidebook hello', 'Guide')).toMatchObject({ mentionBot: false, content: '@Guidebook hello' });
  });

  it('GIVEN empty or blank text THEN asks for something to send', () => {
    expect(parseComposerInput('   ', 'Guide').kind).toBe('invalid');
  });

  it('GIVEN text over Discord limit THEN refuses it with the limit', () => {
    const result = parseComposerInput('x'.repeat(MAX_MESSAGE_LENGTH + 1), 'Guide');
    expect(result.kind === 'invalid' && result.problem).toContain(String(MAX_MESSAGE_LENGTH));
    expect(parseComposerInput('x'.repeat(MAX_MESSAGE_LENGTH), 'Guide').kind).toBe('message');
  });
});
