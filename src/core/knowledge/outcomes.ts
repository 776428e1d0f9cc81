import type { OutcomeId } from '../../../machines/questions.ts';
import { links } from './links.ts';
import { caveats } from './caveats.ts';
import { sketches } from './sketches.ts';
import type { OutcomeKnowledge } from './types.ts';

/** What the bot says about each recommendation the tree can end in. */
export const outcomeKnowledge: { readonly [O in OutcomeId]: OutcomeKnowledge } = {
  asyncio: {
    api: 'asyncio',
    shortName: 'asyncio',
    summary:
      'Write your IO as coroutines (`async def`) and let one event loop run them all in a single ' +
      'thread: whenever a coroutine waits on the network it steps aside, and the loop runs another. ' +
      'Enter it with `asyncio.run(main())` and launch groups of tasks inside an ' +
      '`asyncio.TaskGroup`, which cancels the rest if one of them fails. Coroutines cost far less ' +
      'than threads, so tens of thousands of open connections are practical. The price: every ' +
      'library on the way must be async-aware, because one blocking call stalls every task.',
    sketch: sketches.asyncio,
    caveats: caveats.asyncio,
    links: links.asyncio,
  },
  thread: {
    api: 'threading.Thread',
    shortName: 'threading.Thread',
    summary:
      'Give each long-lived job its own `threading.Thread`: pass a function as `target`, or subclass ' +
      '`Thread` and keep the job\'s state in instance attributes and its loop in `run()`. While the job ' +
      'waits on IO the GIL is released, so the rest of your program carries on. A `threading.Event` ' +
      'is a clean way to ask the thread to stop, and `join()` waits until it has.',
    sketch: sketches.thread,
    caveats: caveats.thread,
    links: links.thread,
  },
  threadPool: {
    api: 'multiprocessing.pool.ThreadPool',
    shortName: 'ThreadPool',
    summary:
      '`multiprocessing.pool.ThreadPool` runs a fixed set of worker threads behind the same interface ' +
      'as the process `Pool`: `map`, `imap`, `imap_unordered`, `starmap` and their `_async` forms. ' +
      'It suits a parallel for-loop over IO-bound work, such as fetching a list of URLs: each thread ' +
      'releases the GIL while it waits, so the waits overlap. Use it in a `with` block, or call ' +
      '`close()` and then `join()` when you are done.',
    sketch: sketches.threadPool,
    caveats: caveats.threadPool,
    links: links.threadPool,
  },
  threadPoolExecutor: {
    api: 'concurrent.futures.ThreadPoolExecutor',
    shortName: 'ThreadPoolExecutor',
    summary:
      '`concurrent.futures.ThreadPoolExecutor` keeps a pool of worker threads and returns a `Future` ' +
      'for each task you `submit()`. With a future you can wait for the result, cancel the task ' +
      'before it starts, or read the exception it raised; `as_completed()` and `wait()` handle many ' +
      'futures at once, and `map()` covers the simple loop. It fits IO-bound tasks that turn up one ' +
      'by one, like calls to several services, because each thread releases the GIL while it waits. ' +
      'The Python docs recommend it over `multiprocessing.pool.ThreadPool`.',
    sketch: sketches.threadPoolExecutor,
    caveats: caveats.threadPoolExecutor,
    links: links.threadPoolExecutor,
  },
  process: {
    api: 'multiprocessing.Process',
    shortName: 'multiprocessing.Process',
    summary:
      'Give each long-lived CPU-bound job its own `multiprocessing.Process`. A process has its own ' +
      'interpreter and its own GIL, so it computes on another core while your main program carries ' +
      'on. Pass a function as `target` or subclass `Process`. The two sides share no memory, so send ' +
      'work and results through a `multiprocessing.Queue` or a `Pipe`, and start processes only ' +
      'under an `if __name__ == "__main__":` guard.',
    sketch: sketches.process,
    caveats: caveats.process,
    links: links.process,
  },
  pool: {
    api: 'multiprocessing.pool.Pool',
    shortName: 'multiprocessing.Pool',
    summary:
      '`multiprocessing.Pool` starts one worker process per CPU by default and spreads a function ' +
      'over your data with `map`, `imap`, `imap_unordered` or `starmap`, each with an `_async` form. ' +
      'Every worker has its own interpreter and GIL, so pure-Python computation runs on all cores at ' +
      'once. It fits a CPU-bound for-loop over many items where each call does plenty of work on ' +
      'little data. If you must stop everything at once, `terminate()` does it.',
    sketch: sketches.pool,
    caveats: caveats.pool,
    links: links.pool,
  },
  processPoolExecutor: {
    api: 'concurrent.futures.ProcessPoolExecutor',
    shortName: 'ProcessPoolExecutor',
    summary:
      '`concurrent.futures.ProcessPoolExecutor` runs tasks in a pool of worker processes and returns ' +
      'a `Future` for each one you `submit()`. The workers have their own interpreters and GILs, so ' +
      'CPU-bound Python uses every core, and you keep the tools for ad hoc work: handle results as ' +
      'they finish with `as_completed()`, cancel tasks that have not started, and read each task\'s ' +
      'exception from its future. Its interface matches `ThreadPoolExecutor`, so switching between ' +
      'the two is a one-word change.',
    sketch: sketches.processPoolExecutor,
    caveats: caveats.processPoolExecutor,
    links: links.processPoolExecutor,
  },
};
