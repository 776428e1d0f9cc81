import { createInterface } from 'node:readline';
import { chatReply, openChat } from './session.ts';

/*
 * `npm run chat`: wires the pure chat session to stdin and stdout. With a terminal it shows a
 * prompt; with piped input it prints only the replies, and it ends cleanly at end of input.
 */
const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
lines.setPrompt('> ');

let { state, text } = openChat();
process.stdout.write(`${text}\n`);
if (interactive) lines.prompt();

lines.on('line', (line) => {
  if (state.finished) return;
  ({ state, text } = chatReply(state, line));
  process.stdout.write(`\n${text}\n`);
  if (state.finished) lines.close();
  else if (interactive) lines.prompt();
});

// Ctrl+C leaves like "quit" does, instead of leaving readline paused.
lines.on('SIGINT', () => lines.close());

lines.on('close', () => {
  if (interactive && !state.finished) process.stdout.write('\n');
  process.exitCode = 0;
});
