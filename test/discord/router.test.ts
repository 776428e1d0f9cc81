import { describe, expect, it } from 'vitest';
import { decodeGuideId, encodeGuideId, type GuideAction } from '../../src/core/guide-id.ts';
import type { OptionId } from '../../machines/questions.ts';
import { planAsk, planClick, planNewGuide } from '../../src/discord/router.ts';

const OWNER = '111111111111111111';
const STRANGER = '222222222222222222';

function click(path: OptionId[], action: GuideAction, clickerId = OWNER, values: string[] = [], onPrivateMessage = false) {
  return planClick({ customId: encodeGuideId({ owner: OWNER, path, action }), values, clickerId, onPrivateMessage });
}

describe('planNewGuide', () => {
  it('GIVEN /concurrency THEN the guide starts at step 1, owned by the user', () => {
    const page = planNewGuide(OWNER, true);
    expect(page).toMatchObject({ owner: OWNER, view: 'question', private: true, step: { kind: 'question', question: 'workload', stepNumber: 1 } });
  });
});

describe('planClick', () => {
  it("GIVEN the owner's answer THEN the same message moves to the next step", () => {
    const plan = click(['io'], { kind: 'answer', option: 'threads' });
    expect(plan.kind).toBe('update');
    if (plan.kind !== 'update') return;
    expect(plan.page.step).toMatchObject({ kind: 'question', question: 'workers' });
    expect(plan.page.step.answers.map((a) => a.option)).toEqual(['io', 'threads']);
  });

  it('GIVEN the last answer THEN the page shows the outcome', () => {
    const plan = click(['cpu', 'pythonCode', 'pool'], { kind: 'answer', option: 'adhoc' });
    expect(plan.kind === 'update' && plan.page).toMatchObject({ view: 'outcome', step: { kind: 'outcome', outcome: 'processPoolExecutor' } });
  });

  it('GIVEN back THEN the last answer is undone; GIVEN start over THEN no answers remain', () => {
    const back = click(['cpu', 'pythonCode', 'pool'], { kind: 'back' });
    expect(back.kind === 'update' && back.page.step.answers.map((a) => a.option)).toEqual(['cpu', 'pythonCode']);
    const restart = click(['cpu', 'pythonCode', 'pool', 'map'], { kind: 'restart' });
    expect(restart.kind === 'update' && restart.page.step).toMatchObject({ kind: 'question', question: 'workload', answers: [] });
  });

  it('GIVEN Not sure? or Why this question? THEN the step stays and the view changes', () => {
    for (const kind of ['not-sure', 'why-question'] as const) {
      const plan = click(['io'], { kind });
      expect(plan.kind === 'update' && plan.page).toMatchObject({ view: kind, step: { question: 'ioModel' } });
    }
  });

  it('GIVEN a stranger clicks THEN they get a private copy at the same step, owned by them', () => {
    const plan = click(['io'], { kind: 'answer', option: 'asyncio' }, STRANGER);
    expect(plan.kind).toBe('private-copy');
    if (plan.kind !== 'private-copy') return;
    expect(plan.page).toMatchObject({ owner: STRANGER, private: true, notice: 'private-copy', step: { kind: 'question', question: 'ioModel' } });
  });

  it('GIVEN a Why not …? choice of another outcome THEN that comparison is shown', () => {
    const plan = click(['io', 'asyncio'], { kind: 'why-not' }, OWNER, ['pool']);
    expect(plan.kind === 'update' && plan.page.view).toBe('why-not:pool');
  });

  it.each([[['asyncio']], [['nonsense']], [[]], [['pool', 'thread']]])('GIVEN a Why not …? menu value of %j THEN the click is refused', (values) => {
    expect(click(['io', 'asyncio'], { kind: 'why-not' }, OWNER, values)).toMatchObject({ kind: 'stale', reason: 'bad-choice' });
  });

  it('GIVEN Share on a private result THEN a public post of it is planned', () => {
    const plan = click(['io', 'asyncio'], { kind: 'share' }, OWNER, [], true);
    expect(plan).toMatchObject({ kind: 'share', page: { private: false, notice: 'shared', step: { outcome: 'asyncio' } } });
  });

  it.each(['', 'hello', 'guide/', 'guide/zzzz/1/-/start', `guide/x/${OWNER}/-/start`.slice(0, 10)])('GIVEN the forged id %j THEN the clicker gets a stale notice', (customId) => {
    const plan = planClick({ customId, values: [], clickerId: STRANGER, onPrivateMessage: false });
    expect(plan).toMatchObject({ kind: 'stale', clickerId: STRANGER });
  });

  it('GIVEN a valid id cut short THEN it is refused, not guessed', () => {
    const full = encodeGuideId({ owner: OWNER, path: ['io', 'threads'], action: { kind: 'answer', option: 'pool' } });
    const plan = planClick({ customId: full.slice(0, -3), values: [], clickerId: OWNER, onPrivateMessage: false });
    expect(plan.kind).toBe('stale');
  });
});

describe('the Ask button and form', () => {
  it('GIVEN Ask on any guide THEN the form opens for whoever clicked, carrying the same answers', () => {
    for (const clicker of [OWNER, STRANGER]) {
      const plan = click(['io', 'asyncio'], { kind: 'ask' }, clicker);
      if (plan.kind !== 'ask') throw new Error(`expected the form, got ${plan.kind}`);
      expect(decodeGuideId(plan.formId)).toMatchObject({ ok: true, value: { owner: clicker, path: ['io', 'asyncio'], action: { kind: 'asked' } } });
    }
  });

  it('GIVEN a submitted form THEN the question is answered about the answers it carries', () => {
    const formId = encodeGuideId({ owner: OWNER, path: ['io', 'asyncio'], action: { kind: 'asked' } });
    const plan = planAsk({ customId: formId, text: 'why not threads?', askerId: OWNER });
    expect(plan).toMatchObject({ kind: 'answer', owner: OWNER, path: ['io', 'asyncio'], answer: { kind: 'why-not', explanations: [{ other: 'thread' }] } });
  });

  it('GIVEN a form id made for someone else, a button id, or a forged one THEN the submit is refused', () => {
    const othersForm = encodeGuideId({ owner: OWNER, path: ['io'], action: { kind: 'asked' } });
    expect(planAsk({ customId: othersForm, text: 'why?', askerId: STRANGER })).toMatchObject({ kind: 'stale', reason: 'bad-action' });
    const buttonId = encodeGuideId({ owner: OWNER, path: ['io'], action: { kind: 'ask' } });
    expect(planAsk({ customId: buttonId, text: 'why?', askerId: OWNER })).toMatchObject({ kind: 'stale', reason: 'bad-action' });
    expect(planAsk({ customId: 'guide/x/1/-/asked', text: 'why?', askerId: OWNER })).toMatchObject({ kind: 'stale' });
    expect(click(['io'], { kind: 'asked' })).toMatchObject({ kind: 'stale', reason: 'bad-action' });
  });
});

describe('Dismiss', () => {
  const dismiss = (clickerId: string, clickerManagesMessages = false) =>
    planClick({ customId: encodeGuideId({ owner: OWNER, coOwner: STRANGER.replace('2', '3'), path: ['io'], action: { kind: 'dismiss' } }), values: [], clickerId, onPrivateMessage: false, clickerManagesMessages });

  it('GIVEN its owner or co-owner THEN the guide is dismissed', () => {
    expect(dismiss(OWNER)).toEqual({ kind: 'dismiss' });
    expect(dismiss(STRANGER.replace('2', '3'))).toEqual({ kind: 'dismiss' });
  });

  it('GIVEN a stranger THEN they are told it is not theirs; GIVEN a stranger who manages messages (a moderator) THEN it is dismissed', () => {
    expect(dismiss(STRANGER)).toEqual({ kind: 'not-yours-to-dismiss' });
    expect(dismiss(STRANGER, true)).toEqual({ kind: 'dismiss' });
  });
});

describe('Where Discord shows answers only to the member (a member-installed app, "Use External Apps" denied)', () => {
  it('GIVEN /concurrency THEN the guide is private, says why once, and offers no Share', () => {
    const page = planNewGuide(OWNER, false, true);
    expect(page).toMatchObject({ private: true, shareable: false, notice: 'forced-private' });
    // Asked for privately, there is nothing to explain.
    expect(planNewGuide(OWNER, true, true)).toMatchObject({ private: true, shareable: false });
    expect(planNewGuide(OWNER, true, true).notice).toBeUndefined();
  });

  it('GIVEN a later click THEN the page stays unshareable; GIVEN Share from an older button THEN the member is told it cannot be shared there', () => {
    const moved = planClick({ customId: encodeGuideId({ owner: OWNER, path: ['io'], action: { kind: 'answer', option: 'asyncio' } }), values: [], clickerId: OWNER, onPrivateMessage: true, canPostPublicly: false });
    expect(moved.kind === 'update' && moved.page).toMatchObject({ private: true, shareable: false });
    const share = planClick({ customId: encodeGuideId({ owner: OWNER, path: ['io', 'asyncio'], action: { kind: 'share' } }), values: [], clickerId: OWNER, onPrivateMessage: true, canPostPublicly: false });
    expect(share).toEqual({ kind: 'cannot-share-here' });
    const copy = planClick({ customId: encodeGuideId({ owner: OWNER, path: ['io', 'asyncio'], action: { kind: 'why' } }), values: [], clickerId: STRANGER, onPrivateMessage: false, canPostPublicly: false });
    expect(copy.kind === 'private-copy' && copy.page).toMatchObject({ private: true, shareable: false });
  });
});
