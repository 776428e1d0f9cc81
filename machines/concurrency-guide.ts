import { assign, setup } from 'xstate';
import { questionOfOption, type Answer, type OptionId, type OutcomeId, type QuestionId } from './questions.ts';

/** What the guide remembers: the user's answers, in the order given. */
export interface GuideContext {
  readonly answers: readonly Answer[];
}

/** Events the guide accepts. Adapters send these and nothing else. */
export type GuideEvent =
  | { readonly type: 'answer'; readonly option: OptionId }
  | { readonly type: 'nav.back' }
  | { readonly type: 'nav.restart' };

/** Meta attached to every state so adapters can read what a state is without knowing its name. */
export type GuideStateMeta = { readonly question: QuestionId } | { readonly outcome: OutcomeId };

function answered(context: GuideContext, option: OptionId): boolean {
  return context.answers.some((answer) => answer.option === option);
}

/**
 * Builds the `answer` transitions of one question. Threads and processes share the later
 * questions, so a target may depend on which kind of worker the earlier answers chose.
 */
function onOption(option: OptionId, target: string) {
  return { guard: { type: 'chose', params: { option } }, target, actions: { type: 'record', params: { option } } } as const;
}
function onOptionByWorker(option: OptionId, ifProcesses: string, ifThreads: string) {
  return [
    { guard: { type: 'processesAndChose', params: { option } }, target: ifProcesses, actions: { type: 'record', params: { option } } },
    { guard: { type: 'chose', params: { option } }, target: ifThreads, actions: { type: 'record', params: { option } } },
  ] as const;
}
function backTo(question: QuestionId) {
  return { guard: { type: 'lastQuestionWas', params: { question } }, target: `#${question}`, actions: 'forgetLast' } as const;
}

/**
 * The concurrency decision tree. Questions are states, outcomes are final states; the root
 * wraps them in `guide` so that "back" and "start over" still work once an outcome is reached.
 * No timers or invoked actors: a snapshot must be rebuildable from the answers alone.
 */
export const concurrencyGuideMachine = setup({
  types: {
    context: {} as GuideContext,
    events: {} as GuideEvent,
  },
  guards: {
    chose: ({ event }, params: { option: OptionId }) => event.type === 'answer' && event.option === params.option,
    // Only CPU work in plain Python on the standard build needs processes; IO, GIL-releasing
    // libraries and free-threaded builds run on threads.
    processesAndChose: ({ context, event }, params: { option: OptionId }) =>
      event.type === 'answer' && event.option === params.option && answered(context, 'pythonCode'),
    lastQuestionWas: ({ context }, params: { question: QuestionId }) => context.answers.at(-1)?.question === params.question,
  },
  actions: {
    record: assign({
      answers: ({ context }, params: { option: OptionId }) => {
        const question = questionOfOption(params.option);
        return question === undefined ? context.answers : [...context.answers, { question, option: params.option }];
      },
    }),
    forgetLast: assign({ answers: ({ context }) => context.answers.slice(0, -1) }),
    forgetAll: assign({ answers: () => [] }),
  },
}).createMachine({
  id: 'concurrencyGuide',
  context: { answers: [] },
  initial: 'guide',
  states: {
    guide: {
      id: 'guide',
      initial: 'workload',
      on: {
        'nav.restart': { target: '#workload', actions: 'forgetAll' },
        'nav.back': [backTo('threadMap'), backTo('poolApi'), backTo('workers'), backTo('ioModel'), backTo('cpuWork'), backTo('workload')],
      },
      states: {
        workload: {
          id: 'workload',
          meta: { question: 'workload' } satisfies GuideStateMeta,
          on: { answer: [onOption('cpu', '#cpuWork'), onOption('io', '#ioModel')] },
        },
        cpuWork: {
          id: 'cpuWork',
          meta: { question: 'cpuWork' } satisfies GuideStateMeta,
          on: { answer: [onOption('pythonCode', '#workers'), onOption('nativeCode', '#workers'), onOption('freeThreaded', '#workers')] },
        },
        ioModel: {
          id: 'ioModel',
          meta: { question: 'ioModel' } satisfies GuideStateMeta,
          on: { answer: [onOption('asyncio', '#asyncio'), onOption('threads', '#workers')] },
        },
        workers: {
          id: 'workers',
          meta: { question: 'workers' } satisfies GuideStateMeta,
          on: { answer: [onOption('pool', '#poolApi'), ...onOptionByWorker('class', '#process', '#thread')] },
        },
        poolApi: {
          id: 'poolApi',
          meta: { question: 'poolApi' } satisfies GuideStateMeta,
          on: {
            answer: [
              ...onOptionByWorker('map', '#pool', '#threadMap'),
              ...onOptionByWorker('adhoc', '#processPoolExecutor', '#threadPoolExecutor'),
            ],
          },
        },
        threadMap: {
          id: 'threadMap',
          meta: { question: 'threadMap' } satisfies GuideStateMeta,
          on: { answer: [onOption('executorMap', '#threadPoolExecutor'), onOption('poolFamily', '#threadPool')] },
        },
        asyncio: { id: 'asyncio', type: 'final', meta: { outcome: 'asyncio' } satisfies GuideStateMeta },
        thread: { id: 'thread', type: 'final', meta: { outcome: 'thread' } satisfies GuideStateMeta },
        threadPool: { id: 'threadPool', type: 'final', meta: { outcome: 'threadPool' } satisfies GuideStateMeta },
        threadPoolExecutor: {
          id: 'threadPoolExecutor',
          type: 'final',
          meta: { outcome: 'threadPoolExecutor' } satisfies GuideStateMeta,
        },
        process: { id: 'process', type: 'final', meta: { outcome: 'process' } satisfies GuideStateMeta },
        pool: { id: 'pool', type: 'final', meta: { outcome: 'pool' } satisfies GuideStateMeta },
        processPoolExecutor: {
          id: 'processPoolExecutor',
          type: 'final',
          meta: { outcome: 'processPoolExecutor' } satisfies GuideStateMeta,
        },
      },
    },
  },
});

export type ConcurrencyGuideMachine = typeof concurrencyGuideMachine;
