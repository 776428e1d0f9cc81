import { QUESTION_IDS, QUESTION_OPTIONS, isOptionId, type OptionId } from '../../machines/questions.ts';
import { describeStep, replayAnswers, type GuideSnapshot, type GuideStep } from './guide.ts';
import { CURRENT_MACHINE_VERSION } from './machine-fingerprint.ts';
import { err, ok, type Result } from './result.ts';
import { LIMITS } from './discord-limits.ts';

/**
 * The guide's state as it rides in a Discord custom id:
 *   guide/<version>/<owner>[+<co-owner>]/<path>/<action>
 * e.g. `guide/<version>/123456789012345678/bde/answer-adhoc`. The path is one letter per answer
 * ("-" when empty), so the longest id stays far below Discord's 100 characters.
 */

/** What a button or menu asks the guide to do. */
export type GuideAction =
  | { kind: 'answer'; option: OptionId }
  | { kind: 'back' }
  | { kind: 'restart' }
  | { kind: 'start' }
  | { kind: 'not-sure' }
  | { kind: 'why-question' }
  | { kind: 'why' }
  | { kind: 'why-not' }
  | { kind: 'share' }
  /** The rest of an outcome's caveats, when they do not all fit beside the recommendation. */
  | { kind: 'caveats' }
  /** Deletes a public guide message: its owner's, or a moderator's, choice. */
  | { kind: 'dismiss' }
  /** The Ask button: opens a form for a question in the member's own words. */
  | { kind: 'ask' }
  /** The submitted Ask form: its custom id carries the guide as a button's does. */
  | { kind: 'asked' };

/** A decoded custom id: who may press it, the answers it was shown after, and what it does. */
export interface GuideId {
  owner: string;
  /** A second member who may move the guide: the one who started it about the owner's message. */
  coOwner?: string;
  path: readonly OptionId[];
  action: GuideAction;
}

/**
 * A custom id read and checked: the guide it carries, already replayed through the machine, so
 * adapters never replay a click a second time.
 */
export interface DecodedGuideId extends GuideId {
  readonly snapshot: GuideSnapshot;
  readonly step: GuideStep;
}

/** Why a custom id was refused; `detail` is for logs, the kind is for choosing a message. */
export type GuideIdError = {
  kind: 'not-ours' | 'old-version' | 'malformed' | 'bad-owner' | 'bad-path' | 'bad-action';
  detail: string;
};

/** Changes whenever the decision machine changes, so ids from an older tree are refused. */
export const GUIDE_ID_VERSION: string = CURRENT_MACHINE_VERSION;

/** Discord's limit on a component's custom id. */
export const CUSTOM_ID_MAX_LENGTH = LIMITS.customId;

const PREFIX = 'guide';
const SEPARATOR = '/';
const EMPTY_PATH = '-';
const CO_OWNER_SEPARATOR = '+';
const ANSWER_PREFIX = 'answer-';
const SIMPLE_ACTIONS = ['back', 'restart', 'start', 'not-sure', 'why-question', 'why', 'why-not', 'share', 'caveats', 'dismiss', 'ask', 'asked'] as const;
type SimpleActionKind = (typeof SIMPLE_ACTIONS)[number];

// One letter per option, in the order the vocabulary lists them.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const OPTIONS_IN_ORDER: readonly OptionId[] = QUESTION_IDS.flatMap((question) => QUESTION_OPTIONS[question]);
const LETTER_OF = new Map<OptionId, string>(OPTIONS_IN_ORDER.map((option, index) => [option, LETTERS.charAt(index)]));
const OPTION_OF = new Map<string, OptionId>(OPTIONS_IN_ORDER.map((option, index) => [LETTERS.charAt(index), option]));

// The largest snowflake fits in an unsigned 64-bit integer.
const MAX_SNOWFLAKE = 18_446_744_073_709_551_615n;

function encodeAction(action: GuideAction): string {
  return action.kind === 'answer' ? `${ANSWER_PREFIX}${action.option}` : action.kind;
}

function encodePath(path: readonly OptionId[]): string {
  if (path.length === 0) return EMPTY_PATH;
  return path.map((option) => LETTER_OF.get(option) ?? '?').join('');
}

/**
 * Writes a guide id as a custom id string.
 *
 * @example encodeGuideId({ owner: '42', path: ['io'], action: { kind: 'back' } }) // 'guide/<version>/42/b/back'
 */
export function encodeGuideId(id: GuideId): string {
  const owners = id.coOwner === undefined ? id.owner : `${id.owner}${CO_OWNER_SEPARATOR}${id.coOwner}`;
  return [PREFIX, GUIDE_ID_VERSION, owners, encodePath(id.path), encodeAction(id.action)].join(SEPARATOR);
}

function fail(kind: GuideIdError['kind'], detail: string): Result<never, GuideIdError> {
  return err({ kind, detail });
}

function decodeOwner(raw: string): Result<string, GuideIdError> {
  if (!/^[1-9][0-9]{0,19}$/.test(raw)) {
    return fail('bad-owner', `owner ${JSON.stringify(raw)} is not a Discord id (1 to 20 digits, no leading zero)`);
  }
  if (BigInt(raw) > MAX_SNOWFLAKE) return fail('bad-owner', `owner ${raw} is larger than any Discord id`);
  return ok(raw);
}

function decodePath(raw: string): Result<{ path: OptionId[]; snapshot: GuideSnapshot; step: GuideStep }, GuideIdError> {
  const path: OptionId[] = [];
  if (raw !== EMPTY_PATH) {
    for (const letter of raw) {
      const option = OPTION_OF.get(letter);
      if (option === undefined) return fail('bad-path', `path letter ${JSON.stringify(letter)} is no option`);
      path.push(option);
    }
  }
  if (path.length === 0 && raw !== EMPTY_PATH) return fail('bad-path', 'an empty path is written "-"');
  const replayed = replayAnswers(path);
  if (!replayed.ok) {
    const { index } = replayed.error;
    return fail('bad-path', `answer ${index + 1} of ${JSON.stringify(raw)} is not a step of the current tree`);
  }
  return ok({ path, snapshot: replayed.value, step: describeStep(replayed.value) });
}

function decodeActionName(raw: string): Result<GuideAction, GuideIdError> {
  if (raw.startsWith(ANSWER_PREFIX)) {
    const option = raw.slice(ANSWER_PREFIX.length);
    if (!isOptionId(option)) return fail('bad-action', `${JSON.stringify(option)} is no option`);
    return ok({ kind: 'answer', option });
  }
  const simple = SIMPLE_ACTIONS.find((kind) => kind === raw);
  if (simple === undefined) return fail('bad-action', `unknown action ${JSON.stringify(raw)}`);
  return ok({ kind: simple });
}

const NEEDS_OUTCOME: ReadonlySet<SimpleActionKind> = new Set(['why', 'why-not', 'share', 'caveats']);
const NEEDS_QUESTION: ReadonlySet<SimpleActionKind> = new Set(['not-sure', 'why-question']);

/** Checks that the action makes sense where the path ends. */
function checkActionFits(action: GuideAction, path: readonly OptionId[], step: GuideStep): Result<GuideAction, GuideIdError> {
  const where = step.kind === 'question' ? `question ${step.question}` : `outcome ${step.outcome}`;
  if (action.kind === 'answer') {
    if (step.kind === 'question' && step.options.includes(action.option)) return ok(action);
    return fail('bad-action', `${action.option} is not an answer to ${where}`);
  }
  if (NEEDS_OUTCOME.has(action.kind) && step.kind !== 'outcome') return fail('bad-action', `${action.kind} needs an outcome, the path ends at ${where}`);
  if (NEEDS_QUESTION.has(action.kind) && step.kind !== 'question') return fail('bad-action', `${action.kind} needs a question, the path ends at ${where}`);
  if (action.kind === 'back' && path.length === 0) return fail('bad-action', 'back needs at least one answer to undo');
  if (action.kind === 'start' && path.length > 0) return fail('bad-action', 'start comes before any answer');
  return ok(action);
}

/**
 * Reads a custom id strictly: every part must be exactly what `encodeGuideId` writes for a
 * path of the current machine, so anything decoded re-encodes to the same string.
 *
 * @example decodeGuideId('hello') // { ok: false, error: { kind: 'not-ours', ... } }
 */
export function decodeGuideId(raw: string): Result<DecodedGuideId, GuideIdError> {
  if (raw.length > CUSTOM_ID_MAX_LENGTH) return fail('malformed', `${raw.length} characters, more than ${CUSTOM_ID_MAX_LENGTH}`);
  const parts = raw.split(SEPARATOR);
  if (parts[0] !== PREFIX) return fail('not-ours', `does not start with "${PREFIX}${SEPARATOR}"`);
  const [, version, ownerPart, pathPart, actionPart, ...extra] = parts;
  if (version === undefined || ownerPart === undefined || pathPart === undefined || actionPart === undefined || extra.length > 0) {
    return fail('malformed', `expected 5 parts separated by "${SEPARATOR}", got ${parts.length}`);
  }
  if (version !== GUIDE_ID_VERSION) return fail('old-version', `made for tree version ${JSON.stringify(version)}, this is ${GUIDE_ID_VERSION}`);
  const [ownerRaw = '', coOwnerRaw, ...moreOwners] = ownerPart.split(CO_OWNER_SEPARATOR);
  if (moreOwners.length > 0) return fail('bad-owner', 'at most two owners');
  const owner = decodeOwner(ownerRaw);
  if (!owner.ok) return owner;
  const coOwner = coOwnerRaw === undefined ? undefined : decodeOwner(coOwnerRaw);
  if (coOwner !== undefined && !coOwner.ok) return coOwner;
  if (coOwner?.value === owner.value) return fail('bad-owner', 'the co-owner is the owner');
  const path = decodePath(pathPart);
  if (!path.ok) return path;
  const named = decodeActionName(actionPart);
  if (!named.ok) return named;
  const action = checkActionFits(named.value, path.value.path, path.value.step);
  if (!action.ok) return action;
  return ok({
    owner: owner.value,
    ...(coOwner === undefined ? {} : { coOwner: coOwner.value }),
    path: path.value.path,
    action: action.value,
    snapshot: path.value.snapshot,
    step: path.value.step,
  });
}
