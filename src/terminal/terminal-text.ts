/** Every sentence the terminal walk-through says on its own (the guide's content lives in the knowledge). */
export const terminalText = {
  welcome:
    'Which Python concurrency API fits your task? Answer a few questions and you will get a ' +
    'recommendation, the reasons for it, a code sketch and links to read on.',
  questionHint: (count: number) =>
    `Type a number from 1 to ${count}, or: why, not sure, why not <api>, back, restart, help, quit. Other questions work too.`,
  outcomeHint: 'Type why, why not <api>, <api> vs <api>, back, restart, help or quit, or ask about workers, pickling, Ctrl-C or free-threading.',
  help: (apis: readonly string[]) =>
    [
      'HELP',
      '  <number>        choose that option (its name works too)',
      '  why             why this question is asked, or why this recommendation',
      '  why not <api>   why your answers did not lead to another API (also: what about <api>?, <api> instead?)',
      '  <api> vs <api>  how two APIs differ for your answers',
      '  other questions how many workers?, pickling?, start methods?, Ctrl-C?, the __main__ guard?, the GIL?,',
      '                  free-threading?, subinterpreters?',
      '  not sure        examples and a test to help you answer',
      '  back            undo your last answer',
      '  restart         start over from the first question',
      '  quit            leave (so does the end of the input)',
      `APIs you can name after "why not": ${apis.join(', ')}`,
    ].join('\n'),
  emptyLine: 'Nothing typed.',
  unknown: (text: string) => `I did not understand "${text}".`,
  noSuchOption: (number: number, count: number) => `There is no option ${number} here; choose from 1 to ${count}.`,
  finishedNoOptions: 'This guide is finished: there are no options left to choose.',
  notSureAtOutcome: '"not sure" helps with a question; you already have a recommendation.',
  nothingToUndo: 'This is the first question: there is no answer to undo.',
  restarted: 'Starting over.',
  wentBack: 'Back one step.',
  goodbye: 'Goodbye.',
} as const;
