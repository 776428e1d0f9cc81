// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Packages and modules that only build or test the project: the bot never loads them at run time
 * (they are devDependencies, gone after `npm prune --omit=dev`). Drawing the tree pictures is one
 * of them; the bot reads the PNGs `npm run pictures` drew.
 */
const buildOnly = {
  group: ['@resvg/resvg-js', '@napi-rs/image', 'opentype.js', 'source-sans', 'source-sans/*', 'esbuild', 'tsx', 'tsx/*', 'vitest', 'vitest/*', '**/picture/render/**', '**/test/**', '**/scripts/**', '**/bench/**'],
  message: 'Build and test tools never load in the running bot; see docs/architecture.md.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'bench/results/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Everything the bot runs; the blocks below narrow it per folder, each keeping this group.
    files: ['src/**/*.ts'],
    ignores: ['src/picture/render/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [buildOnly] }] },
  },
  {
    // The pure core must never know about Discord or the adapters around it.
    files: ['machines/**/*.ts', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['discord.js', '@discordjs/*', 'ws', 'node:*', 'pino'], message: 'The core is pure: no Discord, no I/O.' },
            { group: ['**/discord/**', '**/terminal/**', '**/local-discord/**', '**/playground/**', '**/picture/**', '**/metrics/**'], message: 'The core never imports an adapter.' },
            { group: ['**/config/**', '**/logger*', '**/common/**', '**/main*', '**/playground-with-bot*'], message: 'The core reads no settings, logs nothing and knows nothing of how it is composed.' },
            buildOnly,
          ],
        },
      ],
    },
  },
  {
    // The local Discord-compatible server is generic: it knows nothing of this bot.
    files: ['src/local-discord/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/**', '**/discord/**', '**/machines/**', '**/terminal/**', '**/playground/**', '**/picture/**', '**/metrics/**', '**/config/**', '**/logger*'], message: 'The local Discord server knows nothing of the bot.' },
            { group: ['discord.js', '@discordjs/*'], message: 'The local server speaks the protocol itself; only its tests use discord.js.' },
            buildOnly,
          ],
        },
      ],
    },
  },
  {
    // The settings are read and checked before anything starts, for whichever mode the composition root picks.
    files: ['src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/discord/**', '**/terminal/**', '**/local-discord/**', '**/playground/**', '**/picture/**', '**/metrics/**', '**/logger*', '**/main*', 'discord.js', '@discordjs/*'], message: 'The settings know nothing of what they configure.' },
            buildOnly,
          ],
        },
      ],
    },
  },
  {
    // Small helpers that the bot and the local server both use: plain Node, nothing of either side.
    files: ['src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/core/**', '**/machines/**', '**/discord/**', '**/terminal/**', '**/local-discord/**', '**/playground/**', '**/picture/**', '**/metrics/**', '**/config/**', '**/logger*', 'discord.js', '@discordjs/*'], message: 'A shared helper knows nothing of the bot or the local server.' },
            buildOnly,
          ],
        },
      ],
    },
  },
  // Each adapter sees the core and nothing of another adapter; main.ts and playground-with-bot.ts compose them.
  ...[
    ['src/discord', ['terminal', 'picture', 'local-discord', 'playground', 'metrics']],
    ['src/terminal', ['discord', 'picture', 'local-discord', 'playground', 'metrics']],
    ['src/picture', ['discord', 'terminal', 'local-discord', 'playground', 'metrics']],
    // Health and metrics are told of the bot's work through calls main.ts wires up, never by importing it.
    ['src/metrics', ['discord', 'terminal', 'picture', 'local-discord', 'playground', 'core']],
    // The playground hosts a bot through a slot; src/playground-with-bot.ts plugs in the real one.
    ['src/playground', ['discord', 'terminal', 'picture', 'core', 'metrics']],
  ].map(([folder, others]) => ({
    files: [`${folder}/**/*.ts`],
    ...(folder === 'src/picture' ? { ignores: ['src/picture/render/**'] } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: /** @type {string[]} */ (others).map((other) => `**/${other}/**`), message: 'An adapter never imports another adapter.' }, buildOnly] },
      ],
    },
  })),
  {
    // The two transports only carry answers; interaction-handler.ts decides what to answer for both.
    files: ['src/discord/http/**/*.ts', 'src/discord/gateway-interaction.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/router*', '**/render*', '**/guide-page*', '**/core/**', '!**/core/result*', '!**/core/discord-limits*', '**/machines/**'], message: 'A transport only carries answers; interaction-handler.ts decides them.' },
            { group: ['**/terminal/**', '**/picture/**', '**/local-discord/**', '**/playground/**', '**/metrics/**'], message: 'An adapter never imports another adapter.' },
            buildOnly,
          ],
        },
      ],
    },
  },
  {
    // Drawing the pictures (build time only) may use the picture tools, and still no other adapter.
    files: ['src/picture/render/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/discord/**', '**/terminal/**', '**/local-discord/**', '**/playground/**', '**/metrics/**'], message: 'An adapter never imports another adapter.' }] },
      ],
    },
  },
);
