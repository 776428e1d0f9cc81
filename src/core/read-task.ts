import type { OptionId } from '../../machines/questions.ts';
import { optionsOf, replayAnswers, describeStep } from './guide.ts';

/** One answer read from a member's description of their task, with the words that decided it. */
export interface ReadAnswer {
  readonly option: OptionId;
  /** The words of the text that point to the answer, as typed (at most a few). */
  readonly evidence: readonly string[];
}

/**
 * Word patterns that point to an answer, strongest first within each. A text must point one way
 * only: "downloads files and crunches numbers" decides nothing.
 */
const CLUES: ReadonlyArray<readonly [OptionId, RegExp]> = [
  ['io', /\b(?:download\w*|upload\w*|scrap\w*|crawl\w*|fetch\w*|urls?|http\w*|requests|aiohttp|httpx|urllib|api calls?|web ?apis?|rest apis?|endpoints?|database|queries|sql\w*|sockets?|websockets?|network\w*|servers?|clients?|connections?|files? on disk|read(?:ing)? files|writ(?:e|ing) files|s3|i\/o|io-bound|io bound)\b/gi],
  ['cpu', /\b(?:comput\w*|calculat\w*|simulat\w*|crunch\w*|number crunching|cpu-bound|cpu bound|cpu-heavy|cpu heavy|math\w*|matri(?:x|ces)|numpy|scipy|render\w*|encod\w*|compress\w*|hash\w*|train\w*|solv\w*|prime\w*|fractal\w*|image processing|parse \w+ (?:of )?large)\b/gi],
  ['asyncio', /\b(?:asyncio|async|await|aiohttp|websockets?|thousands of (?:connections|requests|clients)|many connections)\b/gi],
  ['threads', /\b(?:requests library|with requests|using requests|blocking (?:library|sdk|calls?)|boto3|urllib)\b/gi],
  ['nativeCode', /\b(?:numpy|scipy|pandas|hashlib|zlib|lzma|pillow|pil|opencv|cv2|torch|pytorch)\b/gi],
  ['freeThreaded', /(?:\b3\.1[3-9]t\b|\bfree-?thread(?:ed|ing)\b|\bnogil\b|\bno-gil\b)/gi],
  ['pythonCode', /\b(?:pure python|plain python|python loops?|for loops? in python)\b/gi],
];

function evidenceFor(option: OptionId, text: string): string[] {
  const pattern = CLUES.find(([clue]) => clue === option)?.[1];
  if (pattern === undefined) return [];
  return [...new Set([...text.matchAll(pattern)].map((match) => match[0]))].slice(0, 3);
}

/**
 * Reads the answers a member's own description of their task makes clear, in the order the guide
 * asks them, stopping at the first question the text does not decide (or decides both ways).
 * Only answers the machine accepts at that point are kept, so the result is always a valid path.
 *
 * @example readTaskAnswers('my scraper downloads 500 URLs with requests') // [{ option: 'io', evidence: ['downloads', 'URLs'] }]
 */
export function readTaskAnswers(text: string): readonly ReadAnswer[] {
  const read: ReadAnswer[] = [];
  for (;;) {
    const replayed = replayAnswers(read.map((answer) => answer.option));
    if (!replayed.ok) return read;
    const step = describeStep(replayed.value);
    if (step.kind !== 'question') return read;
    const candidates = optionsOf(step.question)
      .filter((option) => step.options.includes(option))
      .map((option) => ({ option, evidence: evidenceFor(option, text) }))
      .filter((candidate) => candidate.evidence.length > 0);
    const [only, another] = candidates;
    if (only === undefined || another !== undefined) return read;
    read.push(only);
  }
}
