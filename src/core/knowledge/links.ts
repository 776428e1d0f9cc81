import type { OutcomeId } from '../../../machines/questions.ts';
import type { Link, OutcomeKnowledge } from './types.ts';

const pythonDocs = 'https://docs.python.org/3/';
const guides = 'https://superfastpython.com/';

/** A page of the official Python documentation (the /3/ tree follows the latest release). */
function docs(label: string, path: string): Link {
  return { label: `Python docs: ${label}`, url: `${pythonDocs}${path}` };
}

/** A page from the reading list of the guide the decision tree follows. */
function guide(label: string, slug: string): Link {
  return { label: `Super Fast Python: ${label}`, url: `${guides}${slug}/` };
}

const choosingGuide = guide('How to choose a concurrency API', 'python-concurrency-choose-api');
// The guide's three comparison articles, each where its question comes up.
const threadVsProcess = guide('Thread vs Process', 'thread-vs-process');
const whyNotProcesses = guide('Why not always use processes', 'why-not-always-use-processes-in-python');
const poolVsProcess = guide('Pool vs Process', 'multiprocessing-pool-vs-process');
const freeThreading = docs('free-threaded Python', 'howto/free-threading-python.html');
const startMethods = docs('start methods', 'library/multiprocessing.html#contexts-and-start-methods');
const interpreterPool = docs(
  'InterpreterPoolExecutor (3.14+)',
  'library/concurrent.futures.html#concurrent.futures.InterpreterPoolExecutor',
);
const threadPoolExecutor = docs('ThreadPoolExecutor', 'library/concurrent.futures.html#concurrent.futures.ThreadPoolExecutor');

/** Links for each outcome: the official docs first, then guides; five at most, one row of link buttons. */
export const links: { readonly [O in OutcomeId]: OutcomeKnowledge['links'] } = {
  asyncio: [
    docs('asyncio', 'library/asyncio.html'),
    docs('task groups', 'library/asyncio-task.html#task-groups'),
    guide('asyncio, the complete guide', 'python-asyncio'),
    guide('ThreadPoolExecutor vs asyncio', 'threadpoolexecutor-vs-asyncio'),
    choosingGuide,
  ],
  thread: [
    docs('threading.Thread', 'library/threading.html#threading.Thread'),
    docs('GIL and performance', 'library/threading.html#gil-and-performance-considerations'),
    guide('threading, the complete guide', 'threading-in-python'),
    threadVsProcess,
    whyNotProcesses,
  ],
  threadPool: [
    docs('ThreadPool', 'library/multiprocessing.html#multiprocessing.pool.ThreadPool'),
    threadPoolExecutor,
    guide('ThreadPool, the complete guide', 'threadpool-python'),
    whyNotProcesses,
    choosingGuide,
  ],
  threadPoolExecutor: [
    threadPoolExecutor,
    freeThreading,
    guide('ThreadPoolExecutor, the complete guide', 'threadpoolexecutor-in-python'),
    guide('ThreadPoolExecutor vs Thread', 'threadpoolexecutor-vs-threads'),
    whyNotProcesses,
  ],
  process: [
    docs('multiprocessing.Process', 'library/multiprocessing.html#multiprocessing.Process'),
    startMethods,
    guide('multiprocessing, the complete guide', 'multiprocessing-in-python'),
    poolVsProcess,
    threadVsProcess,
  ],
  pool: [
    docs('multiprocessing.pool.Pool', 'library/multiprocessing.html#multiprocessing.pool.Pool'),
    startMethods,
    guide('multiprocessing Pool, the complete guide', 'multiprocessing-pool-python'),
    poolVsProcess,
    guide('Pool vs ProcessPoolExecutor', 'multiprocessing-pool-vs-processpoolexecutor'),
  ],
  processPoolExecutor: [
    docs('ProcessPoolExecutor', 'library/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor'),
    startMethods,
    interpreterPool,
    guide('ProcessPoolExecutor, the complete guide', 'processpoolexecutor-in-python'),
    guide('Pool vs ProcessPoolExecutor', 'multiprocessing-pool-vs-processpoolexecutor'),
  ],
};
