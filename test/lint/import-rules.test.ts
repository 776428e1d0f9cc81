import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own config, run on made-up files: `npm run lint` must fail on each forbidden direction.
const eslint = new ESLint();

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import directions, enforced by npm run lint', () => {
  it.each([
    ['the core importing the Discord adapter', 'src/core/example.ts', "import { startBot } from '../discord/bot.ts';\nexport const x = startBot;\n"],
    ['the core importing discord.js', 'src/core/example.ts', "import { Client } from 'discord.js';\nexport const x = Client;\n"],
    ['the machine importing the terminal', 'machines/example.ts', "import { openChat } from '../src/terminal/session.ts';\nexport const x = openChat;\n"],
    ['the local server importing the bot\'s core', 'src/local-discord/example.ts', "import { knowledge } from '../core/knowledge/index.ts';\nexport const x = knowledge;\n"],
    ['the Discord adapter importing the terminal', 'src/discord/example.ts', "import { openChat } from '../terminal/session.ts';\nexport const x = openChat;\n"],
    ['the terminal importing the Discord adapter', 'src/terminal/example.ts', "import { startBot } from '../discord/bot.ts';\nexport const x = startBot;\n"],
    ['the picture importing the Discord adapter', 'src/picture/example.ts', "import { renderGuide } from '../discord/render.ts';\nexport const x = renderGuide;\n"],
    ['the playground importing the Discord adapter', 'src/playground/example.ts', "import { startBot } from '../discord/bot.ts';\nexport const x = startBot;\n"],
    ['the metrics importing the Discord adapter', 'src/metrics/example.ts', "import { startBot } from '../discord/bot.ts';\nexport const x = startBot;\n"],
    ['the Discord adapter importing the metrics', 'src/discord/example.ts', "import { createBotMetrics } from '../metrics/metrics.ts';\nexport const x = createBotMetrics;\n"],
    ['the composition root drawing pictures at run time', 'src/main.ts', "import { renderTreePng } from './picture/render/png.ts';\nexport const x = renderTreePng;\n"],
    ['the picture adapter loading resvg outside render/', 'src/picture/example.ts', "import { renderAsync } from '@resvg/resvg-js';\nexport const x = renderAsync;\n"],
    ['the Discord adapter loading the bundler', 'src/discord/example.ts', "import { build } from 'esbuild';\nexport const x = build;\n"],
    ['the playground loading tsx', 'src/playground/example.ts', "import 'tsx';\n"],
    ['the local server importing a test helper', 'src/local-discord/example.ts', "import { startWorld } from '../../test/bot/harness.ts';\nexport const x = startWorld;\n"],
    ['the HTTP transport deciding an answer itself', 'src/discord/http/example.ts', "import { planClick } from '../router.ts';\nexport const x = planClick;\n"],
    ['the gateway transport rendering a guide itself', 'src/discord/gateway-interaction.ts', "import { renderGuide } from './render.ts';\nexport const x = renderGuide;\n"],
    ['the HTTP transport reading the machine', 'src/discord/http/example.ts', "import { startGuide } from '../../core/guide.ts';\nexport const x = startGuide;\n"],
    ['the HTTP transport importing another adapter', 'src/discord/http/example.ts', "import { createBotMetrics } from '../../metrics/metrics.ts';\nexport const x = createBotMetrics;\n"],
    ['the core reading the settings', 'src/core/example.ts', "import { loadConfig } from '../config/config.ts';\nexport const x = loadConfig;\n"],
    ['the core logging', 'src/core/example.ts', "import { createLogger } from '../logger.ts';\nexport const x = createLogger;\n"],
    ['the machine importing the composition root', 'machines/example.ts', "import '../src/main.ts';\n"],
    ['the settings importing the Discord adapter', 'src/config/example.ts', "import { startBot } from '../discord/bot.ts';\nexport const x = startBot;\n"],
    ['a shared helper importing the local server', 'src/common/example.ts', "import { apiErrors } from '../local-discord/errors.ts';\nexport const x = apiErrors;\n"],
    ['a shared helper importing the Discord adapter', 'src/common/example.ts', "import { startBot } from '../discord/bot.ts';\nexport const x = startBot;\n"],
    ['the core importing the picture renderer', 'src/core/example.ts', "import { renderTreeSvg } from '../picture/render/svg.ts';\nexport const x = renderTreeSvg;\n"],
  ])('GIVEN %s THEN lint reports it', async (_name, file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it('GIVEN the picture renderer using resvg THEN lint allows it: it runs at build time only', async () => {
    expect(await importErrors('src/picture/render/example.ts', "import { renderAsync } from '@resvg/resvg-js';\nexport const x = renderAsync;\n")).toEqual([]);
  });

  it('GIVEN the local server and the bot\'s endpoint reading a body with the shared helper THEN lint allows both', async () => {
    const source = "import { readRequestBody } from '../../common/read-request-body.ts';\nexport const x = readRequestBody;\n";
    expect(await importErrors('src/local-discord/rest/example.ts', source)).toEqual([]);
    expect(await importErrors('src/discord/http/example.ts', source)).toEqual([]);
  });

  it('GIVEN an adapter importing the core THEN lint allows it', async () => {
    expect(await importErrors('src/discord/example.ts', "import { knowledge } from '../core/knowledge/index.ts';\nexport const x = knowledge;\n")).toEqual([]);
  });
});
