import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { npmStartCommand } from '../../bench/start-command.ts';

describe('how `npm start` runs node', () => {
  it('GIVEN the Node.js running the tests THEN it accepts every flag of the start script (node refuses to start on one it does not know)', () => {
    // V8's flags are not a stable API: CI runs this on each Node.js version users run.
    const { nodeArgs } = npmStartCommand();
    const run = spawnSync(process.execPath, [...nodeArgs, '-e', 'process.stdout.write(JSON.stringify(process.execArgv))'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as string[]).slice(0, nodeArgs.length)).toEqual(nodeArgs);
  });
});
