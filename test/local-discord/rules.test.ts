import { ApplicationCommandUpdateRequestSchema, MessageCreateRequestSchema } from 'discord-api-spec/zod';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandListProblems } from '../../src/local-discord/rules/command-rules.ts';
import { toErrorTree } from '../../src/local-discord/rules/form-errors.ts';
import { CHANNEL_MESSAGE_FLAGS, messageProblems } from '../../src/local-discord/rules/message-rules.ts';
import { specProblems } from '../../src/local-discord/rules/spec-validation.ts';

const button = (index: number) => ({ type: 2, style: 1, custom_id: `b${index}`, label: `B${index}` });

describe('documented message limits', () => {
  it('GIVEN content of any length up to 4000 WHEN checked THEN only lengths over 2000 are refused, though the spec allows 4000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), (length) => {
        const body = { content: 'x'.repeat(length) };
        expect(specProblems(MessageCreateRequestSchema, body)).toEqual([]);
        expect(messageProblems(body, CHANNEL_MESSAGE_FLAGS).length > 0).toBe(length > 2000);
      }),
    );
  });

  it('GIVEN a row of any number of buttons WHEN checked THEN more than five are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (count) => {
        const body = { components: [{ type: 1, components: Array.from({ length: count }, (_, index) => button(index)) }] };
        expect(messageProblems(body, CHANNEL_MESSAGE_FLAGS).length > 0).toBe(count > 5);
      }),
    );
  });

  it('GIVEN embeds whose texts add up to any total WHEN checked THEN totals over 6000 are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: 4096 }), (first, second) => {
        const body = { embeds: [{ title: 't', description: 'a'.repeat(first) }, { title: 't', description: 'b'.repeat(second) }] };
        const refusedForTotal = messageProblems(body, CHANNEL_MESSAGE_FLAGS).some((problem) => problem.code === 'MAX_EMBED_SIZE_EXCEEDED');
        expect(refusedForTotal).toBe(first + second + 2 > 6000);
      }),
    );
  });

  it('GIVEN the components V2 flag WHEN content is sent too THEN it is refused', () => {
    const problems = messageProblems({ flags: 1 << 15, content: 'hi', components: [{ type: 10, content: 'text' }] }, CHANNEL_MESSAGE_FLAGS);
    expect(problems.map((problem) => problem.path)).toEqual([['content']]);
  });
});

describe('command limits', () => {
  it('GIVEN any number of options WHEN checked THEN more than 25 are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), (count) => {
        const options = Array.from({ length: count }, (_, index) => ({ type: 3, name: `o${index}`, description: 'd' }));
        expect(commandListProblems([{ name: 'guide', description: 'd', options }]).length > 0).toBe(count > 25);
      }),
    );
  });

  it('GIVEN two commands of one name WHEN checked THEN the second is refused', () => {
    expect(commandListProblems([{ name: 'a', description: 'd' }, { name: 'a', description: 'e' }]).map((problem) => problem.path)).toEqual([[1, 'name']]);
  });
});

describe('Discord error shapes', () => {
  it('GIVEN problems at nested paths WHEN folded THEN they nest like Discord errors, with _errors at the leaves', () => {
    expect(
      toErrorTree([
        { path: ['embeds', 0, 'title'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' },
        { path: ['embeds', 0, 'title'], code: 'OTHER', message: 'o' },
        { path: ['content'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' },
      ]),
    ).toEqual({
      embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }, { code: 'OTHER', message: 'o' }] } } },
      content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
    });
  });

  it('GIVEN a button failing inside the component union WHEN the spec refuses it THEN the problem points at the button field, not the union', () => {
    const problems = specProblems(MessageCreateRequestSchema, { components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: 'x', label: 'l'.repeat(81) }] }] });
    expect(problems).toEqual([{ path: ['components', 0, 'components', 0, 'label'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 80 or fewer in length.' }]);
  });

  it('GIVEN a missing required field WHEN the spec refuses it THEN it reads "This field is required"', () => {
    const problems = specProblems(ApplicationCommandUpdateRequestSchema, { description: 'no name' });
    expect(problems).toEqual([{ path: ['name'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
  });
});
