/** A registered slash command, reduced to what the composer's suggestions show. */
export interface CommandSummary {
  readonly name: string;
  readonly description: string;
  readonly options: readonly { readonly name: string; readonly description: string; readonly type: 'boolean' | 'string' | 'number' }[];
}

/** One suggestion above the composer; choosing it replaces the text with `completion`. */
export interface CommandHint {
  readonly label: string;
  readonly description: string;
  readonly completion: string;
}

/**
 * Suggestions while a slash command is being typed, as Discord shows them: matching commands
 * first, then, once the name is complete, the options not given yet.
 *
 * @example hintsFor('/con', commands) // [{ label: '/concurrency', completion: '/concurrency ', ... }]
 */
export function hintsFor(text: string, commands: readonly CommandSummary[]): CommandHint[] {
  if (!text.startsWith('/')) return [];
  const [typedName = '', ...rest] = text.slice(1).split(' ');
  if (rest.length === 0) {
    return commands
      .filter((command) => command.name.startsWith(typedName.toLowerCase()))
      .map((command) => ({
        label: `/${command.name}${command.options.map((option) => ` [${option.name}]`).join('')}`,
        description: command.description,
        completion: `/${command.name} `,
      }));
  }
  const command = commands.find((candidate) => candidate.name === typedName);
  if (command === undefined) return [];
  const given = new Set(rest.map((word) => word.split(':')[0]));
  const partial = rest.at(-1) ?? '';
  const kept = text.slice(0, text.length - partial.length);
  return command.options
    .filter((option) => !given.has(option.name) || option.name === partial.split(':')[0])
    .filter((option) => option.name.startsWith(partial.split(':')[0] ?? ''))
    .flatMap((option) =>
      option.type === 'boolean'
        ? [true, false].map((value) => ({
            label: `${option.name}:${value}`,
            description: option.description,
            completion: `${kept}${option.name}:${value}`,
          }))
        : [{ label: `${option.name}:`, description: option.description, completion: `${kept}${option.name}:` }],
    );
}
