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
      'Write your IO as coroutines (`async def`) and let one event loop run them in a single thread: ' +
      'whenever a coroutine awaits the network it steps aside and the loop runs another. Enter it with ' +
      '`asyncio.run(main())`, start groups of tasks in an `asyncio.TaskGroup` (when one fails it ' +
      'cancels the rest and raises the errors as an `ExceptionGroup`), bound each wait with ' +
      '`asyncio.timeout()`, and cap how many connections are open at once with a `Semaphore`. ' +
      'Coroutines cost far less than threads, so tens of thousands of open connections are practical. ' +
      'The price: every library on the way must be async-aware, because one blocking call stalls every ' +
      'task.',
    sketch: sketches.asyncio,
    caveats: caveats.asyncio,
    links: links.asyncio,
  },
  thread: {
    api: 'threading.Thread',
    shortName: 'threading.Thread',
    summary:
      'Give each long-lived job its own `threading.Thread`: pass a function as `target`, or subclass ' +
      '`Thread` and keep the job\'s state in attributes and its loop in `run()`. It runs in parallel with ' +
      'the rest of your program whenever the GIL is released: while it waits on IO, while it ' +
      'is inside a library that releases the GIL, and all the time on a free-threaded build whose GIL ' +
      'stays off. Ask it to ' +
      'stop with a `threading.Event` it checks, and wait for it with `join()`, with a timeout if you ' +
      'cannot wait forever.',
    sketch: sketches.thread,
    caveats: caveats.thread,
    links: links.thread,
  },
  threadPool: {
    api: 'multiprocessing.pool.ThreadPool',
    shortName: 'ThreadPool',
    summary:
      '`multiprocessing.pool.ThreadPool` is the thread twin of the process `Pool`: the same `map`, ' +
      '`imap`, `imap_unordered` and `starmap`, plus `apply_async`, `map_async` and `starmap_async` ' +
      'with callbacks. Choose it for that map family on threads, or to run one loop on threads and ' +
      'processes with the same code; for anything else the Python docs recommend `ThreadPoolExecutor`. ' +
      'Pass `processes=`: with no argument it starts only as many threads as CPUs, too few for IO. ' +
      'Leaving its `with` block calls `terminate()`, so consume the results inside it.',
    sketch: sketches.threadPool,
    caveats: caveats.threadPool,
    links: links.threadPool,
  },
  threadPoolExecutor: {
    api: 'concurrent.futures.ThreadPoolExecutor',
    shortName: 'ThreadPoolExecutor',
    summary:
      '`concurrent.futures.ThreadPoolExecutor` keeps a pool of worker threads. `executor.map(fn, ' +
      'items)` covers a parallel for-loop (it submits every item before the first result; for a huge ' +
      'input pass `buffersize=` from 3.14, or submit in batches); `submit()` returns a `Future` you can ' +
      'wait on with a timeout, cancel before it starts, or ask for its result, which re-raises the ' +
      'task\'s exception in your code. `as_completed()` and `wait()` handle many futures at once, and ' +
      '`asyncio.wrap_future()` hands one to asyncio. Threads pay off wherever the GIL is released: IO ' +
      'waits, libraries that release it, free-threaded builds. The Python docs generally prefer it to ' +
      '`multiprocessing.pool.ThreadPool`.',
    sketch: sketches.threadPoolExecutor,
    caveats: caveats.threadPoolExecutor,
    links: links.threadPoolExecutor,
  },
  process: {
    api: 'multiprocessing.Process',
    shortName: 'multiprocessing.Process',
    summary:
      'Give each long-lived CPU-bound job its own `multiprocessing.Process`. A process has its own ' +
      'interpreter and GIL, so it computes on another CPU while your main program carries on. Pass a ' +
      'function as `target` or subclass `Process`. Send it work and collect results through a ' +
      '`multiprocessing.Queue` or `Pipe` (pickled on the way), stop it with a sentinel value, and ' +
      '`join()` it. Start processes only under an `if __name__ == "__main__":` guard.',
    sketch: sketches.process,
    caveats: caveats.process,
    links: links.process,
  },
  pool: {
    api: 'multiprocessing.pool.Pool',
    shortName: 'multiprocessing.Pool',
    summary:
      '`multiprocessing.Pool` starts one worker process per logical CPU by default and spreads a ' +
      'function over your data with `map`, `imap`, `imap_unordered` or `starmap`. Every worker has its ' +
      'own interpreter and GIL, so plain Python computation uses every CPU. `map_async`, ' +
      '`starmap_async` and `apply_async` return an `AsyncResult` at once; its `get()` re-raises a ' +
      'worker\'s exception. It fits a CPU-bound for-loop where each call does plenty of work on little ' +
      'data: `chunksize` cuts the cost per item, and `maxtasksperchild` replaces workers that leak ' +
      'memory.',
    sketch: sketches.pool,
    caveats: caveats.pool,
    links: links.pool,
  },
  processPoolExecutor: {
    api: 'concurrent.futures.ProcessPoolExecutor',
    shortName: 'ProcessPoolExecutor',
    summary:
      '`concurrent.futures.ProcessPoolExecutor` runs tasks in a pool of worker processes and returns a ' +
      '`Future` for each one you `submit()`; `map()` covers a plain loop (give it a `chunksize` for ' +
      'many small items). Each worker has its own interpreter and GIL, so CPU-bound Python uses every ' +
      'CPU, and you keep the executor\'s tools: results as they finish with `as_completed()`, ' +
      'cancelling tasks not yet started, futures asyncio can wait on (`asyncio.wrap_future()`, or ' +
      '`loop.run_in_executor`), and each task\'s exception ' +
      're-raised by `result()`. Its interface matches `ThreadPoolExecutor`, but moving work between ' +
      'them is more than a rename: the function, its arguments and results must pickle, the code needs ' +
      'the `__main__` guard, and each worker costs a process start.',
    sketch: sketches.processPoolExecutor,
    caveats: caveats.processPoolExecutor,
    links: links.processPoolExecutor,
  },
};
