import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { describeStep, replayAnswers } from '../../src/core/guide.ts';
import { DECISION_TABLE } from '../support/decision-table.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ChatRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run chat`'s built entry point as a process with the given lines piped on stdin. */
function runChat(lines: readonly string[]): Promise<ChatRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/chat.js'], { cwd: root, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}

/** The numbers a user types for these answers, read off the options the guide shows at each step. */
function numbersFor(answers: readonly OptionId[]): string[] {
  return answers.map((option, index) => {
    const replayed = replayAnswers(answers.slice(0, index));
    const step = replayed.ok ? describeStep(replayed.value) : undefined;
    if (step?.kind !== 'question') throw new Error(`no question before answer ${index + 1}`);
    return String(step.options.indexOf(option) + 1);
  });
}

// Starting Node takes a while on a loaded machine; the limit only guards against a hang.
describe('npm run chat, as a process with piped answers', { timeout: 90_000 }, () => {
  it('GIVEN the answers of each row of the decision table, with restart between THEN it recommends each API in turn and ends cleanly at end of input', async () => {
    // One process walks every row: spawning costs more than the walk itself.
    const lines = DECISION_TABLE.flatMap(([answers]) => [...numbersFor(answers), 'restart']);
    const run = await runChat(lines);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const recommended = [...run.stdout.matchAll(/^Recommended: (.+)$/gm)].map((match) => match[1]);
    expect(recommended).toEqual(DECISION_TABLE.map(([, , api]) => api));
    // No prompt when the input is piped.
    expect(run.stdout).not.toMatch(/^> /m);
  });

  it('GIVEN why, why not, back and bad input THEN each gets its answer and the walk still reaches an outcome', async () => {
    const run = await runChat(['why', 'banana', '42', '2', 'back', '1', 'why not asyncio', 'why not Celery', '1', '2', 'why']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Why ask: What limits your task?');
    expect(run.stdout).toContain("I can't answer that one. I can answer questions like");
    expect(run.stdout).toContain('There is no option 42 here');
    expect(run.stdout).toContain('Back one step.');
    expect(run.stdout).toContain('Why not asyncio?');
    expect(run.stdout).toContain('That is not one of the APIs I compare');
    expect(run.stdout).toContain('Recommended: multiprocessing.Process\n');
    expect(run.stdout).toContain('Why multiprocessing.Process?');
  });

  it('GIVEN "quit" THEN it says goodbye and ignores the lines after it', async () => {
    const run = await runChat(['quit', '1', '2']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().endsWith('Goodbye.')).toBe(true);
    expect(run.stdout).not.toContain('Recommended:');
  });

  it('GIVEN empty input THEN it shows the first question and exits 0', async () => {
    const run = await runChat([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('What limits your task?');
  });
});
