import { describe, expect, it } from 'vitest';
import { encodeGuideId } from '../../src/core/guide-id.ts';
import { guideInMessage, latestGuideOf } from '../../src/discord/find-guide.ts';

const BOT = '900000000000000000';
const ALICE = '100000000000000001';
const BOB = '100000000000000002';

const guideMessage = (owner: string, path: ('io' | 'asyncio' | 'cpu')[]) => ({
  authorId: BOT,
  customIds: ['not-a-guide', encodeGuideId({ owner, path, action: { kind: 'restart' } })],
});

describe('guideInMessage', () => {
  it("GIVEN a bot message with guide buttons THEN the owner and path are read back from them", () => {
    expect(guideInMessage(guideMessage(ALICE, ['io', 'asyncio']), BOT)).toEqual({ owner: ALICE, path: ['io', 'asyncio'] });
  });

  it('GIVEN a message by someone else carrying the same ids THEN it is not trusted as a guide', () => {
    expect(guideInMessage({ ...guideMessage(ALICE, ['io']), authorId: BOB }, BOT)).toBeUndefined();
  });

  it('GIVEN a bot message without guide ids THEN there is no guide', () => {
    expect(guideInMessage({ authorId: BOT, customIds: [] }, BOT)).toBeUndefined();
  });
});

describe('latestGuideOf', () => {
  it("GIVEN several guides newest first THEN the author's newest one is found, others' skipped", () => {
    const messages = [guideMessage(BOB, ['cpu']), guideMessage(ALICE, ['io', 'asyncio']), guideMessage(ALICE, ['io'])];
    expect(latestGuideOf(messages, ALICE, BOT)).toEqual({ owner: ALICE, path: ['io', 'asyncio'] });
    expect(latestGuideOf(messages, '100000000000000003', BOT)).toBeUndefined();
  });
});
