import type { OutcomeFamily } from '../../../machines/questions.ts';
import { sharedCaveats as caveat } from './caveats.ts';

/*
 * Topics a member may ask about at any step ("how many workers?", "what about free-threading?").
 * Each answer is made of the caveats the outcomes already show, so the words never drift apart;
 * a paragraph tagged with a family is put first for members on that side of the tree.
 */

export const TOPIC_IDS = ['workerCount', 'pickling', 'startMethods', 'shutdown', 'mainGuard', 'gil', 'freeThreading', 'interpreters'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

export interface TopicParagraph {
  readonly text: string;
  /** The side of the tree it is about; none when it concerns everyone. */
  readonly family?: Exclude<OutcomeFamily, 'asyncio'>;
}

export interface TopicKnowledge {
  readonly title: string;
  /** Words and phrases that name the topic, lower case; matched as whole words, small typos forgiven. */
  readonly names: readonly string[];
  readonly paragraphs: readonly TopicParagraph[];
}

export const topicKnowledge: { readonly [T in TopicId]: TopicKnowledge } = {
  workerCount: {
    title: 'How many workers?',
    names: ['worker count', 'how many workers', 'number of workers', 'max_workers', 'max workers', 'pool size', 'cpu_count', 'process_cpu_count', 'how many threads', 'how many processes', 'cores', 'cpus'],
    paragraphs: [
      { text: caveat.processWorkerCount, family: 'processes' },
      { text: caveat.threadWorkerCount, family: 'threads' },
    ],
  },
  pickling: {
    title: 'What crosses between processes?',
    names: ['pickle', 'pickling', 'picklingerror', 'picklable', 'unpicklable', 'lambda', 'serialize', 'serialise', 'serialization', 'shared memory', 'share memory', 'share data', 'shared_memory'],
    paragraphs: [
      { text: caveat.pickledTasks, family: 'processes' },
      { text: caveat.sharingMemory, family: 'processes' },
    ],
  },
  startMethods: {
    title: 'Start methods',
    names: ['start method', 'start methods', 'fork', 'spawn', 'forkserver', 'set_start_method', 'get_context'],
    paragraphs: [
      { text: caveat.forkserverDefault, family: 'processes' },
      { text: caveat.processCost, family: 'processes' },
    ],
  },
  shutdown: {
    title: 'Ctrl-C and shutting down',
    names: ['ctrl-c', 'ctrl+c', 'ctrlc', 'control-c', 'keyboardinterrupt', 'sigint', 'shutdown', 'shut down', 'at exit', 'exit', 'hangs', 'hang', 'daemon', 'terminate', 'cancel', 'stop it'],
    paragraphs: [
      { text: caveat.threadCtrlC, family: 'threads' },
      { text: caveat.exitWaitsForThreads, family: 'threads' },
      { text: caveat.processCtrlC, family: 'processes' },
      { text: caveat.poolExitTerminates },
    ],
  },
  mainGuard: {
    title: 'The `__main__` guard',
    names: ['__main__', 'main guard', 'if __name__', '__name__', 'name main', 'bootstrapping phase', 'freeze_support'],
    paragraphs: [{ text: caveat.mainGuard, family: 'processes' }],
  },
  gil: {
    title: 'The GIL',
    names: ['gil', 'global interpreter lock', 'thread-safe', 'thread safe', 'thread safety', 'race condition', 'lock', 'locks'],
    paragraphs: [{ text: caveat.gilLimitsThreads, family: 'threads' }, { text: caveat.locksStillNeeded }],
  },
  freeThreading: {
    title: 'Free-threaded Python',
    names: ['free-threading', 'free threading', 'free-threaded', 'free threaded', 'freethreading', 'nogil', 'no-gil', 'no gil', 'without the gil', '3.13t', '3.14t', '3.15t', 'python3.14t', 'python3.13t', 'disable-gil', 'pep 703', 'pep 779'],
    paragraphs: [{ text: caveat.freeThreadedForCpu }],
  },
  interpreters: {
    title: 'Subinterpreters and InterpreterPoolExecutor',
    names: ['subinterpreter', 'subinterpreters', 'sub-interpreters', 'sub interpreters', 'interpreterpoolexecutor', 'interpreter pool', 'interpreter pool executor', 'concurrent.interpreters', 'interpreters', 'pep 734', 'pep 684'],
    paragraphs: [{ text: caveat.interpreterPool }],
  },
};
