// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The pure core must never know about Discord or the adapters around it.
    files: ['machines/**/*.ts', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['discord.js', '@discordjs/*', 'ws', 'node:*', 'pino'], message: 'The core is pure: no Discord, no I/O.' },
            { group: ['**/discord/**', '**/terminal/**', '**/local-discord/**', '**/playground/**', '**/picture/**'], message: 'The core never imports an adapter.' },
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
            { group: ['**/core/**', '**/discord/**', '**/machines/**', '**/terminal/**', '**/playground/**', '**/picture/**', '**/config/**', '**/logger*'], message: 'The local Discord server knows nothing of the bot.' },
            { group: ['discord.js', '@discordjs/*'], message: 'The local server speaks the protocol itself; only its tests use discord.js.' },
          ],
        },
      ],
    },
  },
  // Each adapter sees the core and nothing of another adapter; main.ts and playground-with-bot.ts compose them.
  ...[
    ['src/discord', ['terminal', 'picture', 'local-discord', 'playground']],
    ['src/terminal', ['discord', 'picture', 'local-discord', 'playground']],
    ['src/picture', ['discord', 'terminal', 'local-discord', 'playground']],
    // The playground hosts a bot through a slot; src/playground-with-bot.ts plugs in the real one.
    ['src/playground', ['discord', 'terminal', 'picture', 'core']],
  ].map(([folder, others]) => ({
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: /** @type {string[]} */ (others).map((other) => `**/${other}/**`), message: 'An adapter never imports another adapter.' }] },
      ],
    },
  })),
);
