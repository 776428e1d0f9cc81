import { describe, expect, it } from 'vitest';
import { CHANNEL_MESSAGE_FLAGS, flagsAfterEdit, MessageFlags, messageProblems, type EditedMessage } from '../../src/local-discord/rules/message-rules.ts';

const V2 = MessageFlags.IsComponentsV2;
const layout = [{ type: 17, components: [{ type: 10, content: '## Use asyncio' }] }];
const classicGuide: EditedMessage = { flags: 0, content: '', embeds: [{ title: 'Step 1 of 3' }] };
const componentsV2Guide: EditedMessage = { flags: V2, content: '', embeds: [] };

/** The codes an edit of `editing` with `body` is refused with, by path. */
const refusals = (body: Record<string, unknown>, editing: EditedMessage) =>
  messageProblems(body, CHANNEL_MESSAGE_FLAGS, editing).map((problem) => [problem.path.join('.'), problem.code]);

// The edit rules of Components V2, on their own: which edits Discord refuses, and the flags a message keeps.
describe('Components V2 edits', () => {
  it('GIVEN a V2 message WHEN an edit sends flags without IS_COMPONENTS_V2 THEN Discord refuses: the flag cannot be removed', () => {
    expect(refusals({ flags: 0, content: 'back to text' }, componentsV2Guide)).toContainEqual(['flags', 'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG']);
  });

  it('GIVEN a V2 message WHEN an edit leaves flags out THEN it is still a V2 message: a new layout is accepted and content refused', () => {
    expect(refusals({ components: layout }, componentsV2Guide)).toEqual([]);
    expect(refusals({ content: 'text' }, componentsV2Guide)).toEqual([['content', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']]);
  });

  it('GIVEN a classic message with an embed WHEN an edit sets the flag and clears the embeds THEN it is accepted', () => {
    expect(refusals({ flags: V2, embeds: [], components: layout }, classicGuide)).toEqual([]);
  });

  it('GIVEN a classic message WHEN an edit sets the flag but leaves its embeds or content in place THEN Discord refuses', () => {
    expect(refusals({ flags: V2, components: layout }, classicGuide)).toEqual([['embeds', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']]);
    expect(refusals({ flags: V2, embeds: [], components: layout }, { ...classicGuide, content: 'Pick one:' })).toEqual([['content', 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2']]);
    expect(refusals({ flags: V2, content: '', embeds: [], components: layout }, { ...classicGuide, content: 'Pick one:' })).toEqual([]);
  });

  it('GIVEN the flags an edit sends THEN the message gains IS_COMPONENTS_V2 but never loses it, keeps ephemeral, and stops loading', () => {
    expect(flagsAfterEdit(0, V2)).toBe(V2);
    expect(flagsAfterEdit(V2, 0)).toBe(V2);
    expect(flagsAfterEdit(V2, undefined)).toBe(V2);
    // A deferred, ephemeral answer whose edit brings the layout: the flag goes on the edit, not on the deferral.
    expect(flagsAfterEdit(MessageFlags.Loading | MessageFlags.Ephemeral, V2)).toBe(MessageFlags.Ephemeral | V2);
    expect(flagsAfterEdit(MessageFlags.SuppressEmbeds, 0)).toBe(0);
  });
});
