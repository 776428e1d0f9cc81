import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { concurrencyGuideMachine, type GuideStateMeta } from '../../machines/concurrency-guide.ts';
import { QUESTION_OPTIONS } from '../../machines/questions.ts';
import {
  CUSTOM_ID_MAX_LENGTH,
  GUIDE_ID_VERSION,
  decodeGuideId,
  encodeGuideId,
  type GuideAction,
  type GuideId,
} from '../../src/core/guide-id.ts';
import { replayAnswers } from '../../src/core/guide.ts';
import { machineVersion } from '../../src/core/machine-fingerprint.ts';
import { treeNodes, type TreeNode } from '../../src/core/tree.ts';

const LONGEST_OWNER = '18446744073709551615';

/** The actions a button may carry at a place in the tree, by the codec's contract. */
function actionsThatFit({ path, step }: TreeNode): GuideAction[] {
  const actions: GuideAction[] = [{ kind: 'restart' }, { kind: 'ask' }, { kind: 'asked' }];
  if (path.length === 0) actions.push({ kind: 'start' });
  else actions.push({ kind: 'back' });
  if (step.kind === 'question') {
    actions.push({ kind: 'not-sure' }, { kind: 'why-question' });
    for (const option of step.options) actions.push({ kind: 'answer', option });
  } else {
    actions.push({ kind: 'why' }, { kind: 'why-not' }, { kind: 'share' });
  }
  return actions;
}

const validIds: GuideId[] = treeNodes().flatMap((node) =>
  actionsThatFit(node).map((action) => ({ owner: LONGEST_OWNER, path: node.path, action })),
);

function withPart(index: number, value: string): string {
  const parts = encodeGuideId({ owner: '42', path: ['io'], action: { kind: 'back' } }).split('/');
  parts[index] = value;
  return parts.join('/');
}

describe('encodeGuideId / decodeGuideId', () => {
  it.each(validIds.map((id) => [`${id.path.join(',') || '(start)'} ${JSON.stringify(id.action)}`, id] as const))(
    'GIVEN path %s THEN it round-trips within Discord\'s 100 characters',
    (_name, id) => {
      const encoded = encodeGuideId(id);
      expect(encoded.length).toBeLessThanOrEqual(CUSTOM_ID_MAX_LENGTH);
      const decoded = decodeGuideId(encoded);
      if (!decoded.ok) throw new Error(decoded.error.detail);
      const { owner, path, action, coOwner } = decoded.value;
      expect({ owner, path, action, ...(coOwner === undefined ? {} : { coOwner }) }).toEqual(id);
    },
  );

  it('GIVEN a decoded id THEN it carries the step the machine itself reaches on its path, run afresh without the guide\'s memo', () => {
    for (const node of treeNodes()) {
      const decoded = decodeGuideId(encodeGuideId({ owner: '1', path: node.path, action: { kind: 'restart' } }));
      if (!decoded.ok) throw new Error(decoded.error.detail);
      let [snapshot] = initialTransition(concurrencyGuideMachine);
      for (const option of node.path) [snapshot] = transition(concurrencyGuideMachine, snapshot, { type: 'answer', option });
      const [meta] = Object.values(snapshot.getMeta()) as GuideStateMeta[];
      const step = decoded.value.step;
      expect(step.answers.map((answer) => answer.option)).toEqual(node.path);
      if (meta !== undefined && 'outcome' in meta) expect(step).toMatchObject({ kind: 'outcome', outcome: meta.outcome });
      else {
        expect(step).toMatchObject({ kind: 'question', question: meta?.question, stepNumber: node.path.length + 1 });
        const accepted = step.kind === 'question' ? QUESTION_OPTIONS[step.question].filter((option) => snapshot.can({ type: 'answer', option })) : [];
        expect(step.kind === 'question' && step.options).toEqual(accepted);
      }
    }
  });

  it('GIVEN the whole tree THEN every place and every one of its buttons gets a distinct id', () => {
    const encoded = new Set(validIds.map(encodeGuideId));
    expect(encoded.size).toBe(validIds.length);
  });

  it('GIVEN a custom id of another feature THEN it is not ours', () => {
    expect(decodeGuideId('poll/vote/3')).toMatchObject({ ok: false, error: { kind: 'not-ours' } });
    expect(decodeGuideId('')).toMatchObject({ ok: false, error: { kind: 'not-ours' } });
  });

  it('GIVEN an id made for another version of the tree THEN it is old-version', () => {
    expect(decodeGuideId(withPart(1, 'zzzzzz'))).toMatchObject({ ok: false, error: { kind: 'old-version' } });
  });

  it('GIVEN the wrong number of parts THEN it is malformed', () => {
    expect(decodeGuideId(`guide/${GUIDE_ID_VERSION}/42/b`)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(decodeGuideId(`${withPart(4, 'back')}/extra`)).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it('GIVEN an id longer than Discord allows THEN it is malformed', () => {
    expect(decodeGuideId(withPart(4, 'x'.repeat(100)))).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });

  it.each(['', '0', '042', 'abc', '12 3', '123456789012345678901', '18446744073709551616'])(
    'GIVEN owner %j THEN it is bad-owner',
    (owner) => {
      expect(decodeGuideId(withPart(2, owner))).toMatchObject({ ok: false, error: { kind: 'bad-owner' } });
    },
  );

  it.each(['', 'z', 'bb', 'ba', 'bdgc', 'bcc', '-b', 'B'])('GIVEN path %j THEN it is bad-path', (path) => {
    expect(decodeGuideId(withPart(3, path))).toMatchObject({ ok: false, error: { kind: 'bad-path' } });
  });

  it.each([
    ['an unknown action', 'b', 'jump'],
    ['an option that is not an option', 'b', 'answer-gpu'],
    ['an option of another question', 'b', 'answer-cpu'],
    ['an answer after the outcome', 'bf', 'answer-pool'],
    ['"why" before an outcome', 'b', 'why'],
    ['"why not" before an outcome', '-', 'why-not'],
    ['"share" before an outcome', 'bg', 'share'],
    ['"not sure" at an outcome', 'bf', 'not-sure'],
    ['"why this question" at an outcome', 'aci', 'why-question'],
    ['"back" at the first question', '-', 'back'],
    ['"start" after answers', 'b', 'start'],
  ])('GIVEN %s THEN it is bad-action', (_name, path, action) => {
    const raw = withPart(4, action).replace(/\/[^/]*\/([^/]*)$/, `/${path}/$1`);
    expect(decodeGuideId(raw)).toMatchObject({ ok: false, error: { kind: 'bad-action' } });
  });

  it('GIVEN any random string THEN it never decodes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        expect(decodeGuideId(raw).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('GIVEN a random tail after our prefix and version THEN it is rejected or re-encodes to itself', () => {
    const tail = fc.stringMatching(/^[0-9a-z/-]{0,30}$/);
    fc.assert(
      fc.property(tail, (rest) => {
        const raw = `guide/${GUIDE_ID_VERSION}/${rest}`;
        const decoded = decodeGuideId(raw);
        if (decoded.ok) expect(encodeGuideId(decoded.value)).toBe(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('GIVEN a valid id truncated or with one character changed THEN it is rejected or decodes to a valid id', () => {
    const mutated = fc
      .record({
        id: fc.constantFrom(...validIds),
        position: fc.nat(),
        replacement: fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz/-'.split('')),
        truncate: fc.boolean(),
      })
      .map(({ id, position, replacement, truncate }) => {
        const raw = encodeGuideId(id);
        const at = position % raw.length;
        return truncate ? raw.slice(0, at) : raw.slice(0, at) + replacement + raw.slice(at + 1);
      });
    fc.assert(
      fc.property(mutated, (raw) => {
        const decoded = decodeGuideId(raw);
        if (!decoded.ok) return;
        expect(encodeGuideId(decoded.value)).toBe(raw);
        expect(replayAnswers(decoded.value.path).ok).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('GUIDE_ID_VERSION', () => {
  it('GIVEN a machine whose transitions differ THEN the version differs', () => {
    // Plain-Python CPU answers now fall through to the thread branch: same states, other transitions.
    const changed = concurrencyGuideMachine.provide({ guards: { processesAndChose: () => false } });
    expect(machineVersion(changed)).not.toBe(GUIDE_ID_VERSION);
  });

  it('GIVEN a second machine object with the same behaviour THEN the version is the same, so a restart keeps old buttons working', () => {
    // provide() builds a new machine object; a version tied to object identity or a cache would differ.
    expect(machineVersion(concurrencyGuideMachine.provide({}))).toBe(GUIDE_ID_VERSION);
    expect(encodeGuideId(validIds[0]!).split('/')[1]).toBe(GUIDE_ID_VERSION);
  });
});
