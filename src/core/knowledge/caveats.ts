import type { OutcomeId } from '../../../machines/questions.ts';

/*
 * Caveats that can change the answer, each checked against the CPython docs for 3.11 to 3.15.
 * Several outcomes share one; they are written once here so the wording never drifts apart.
 */

const mainGuard =
  'Put the code that starts processes under `if __name__ == "__main__":`. With the spawn and ' +
  'forkserver start methods each child re-imports your main module, and without the guard it ' +
  'fails with a `RuntimeError`. For the same reason, run such code from a file: the interactive ' +
  'prompt has no main module for the workers to import.';

const forkserverDefault =
  'Python 3.14 changed the default start method on Linux from fork to forkserver (macOS has used ' +
  'spawn since 3.8, Windows always has). Code that counted on children inheriting globals, or that ' +
  'passes things pickle cannot handle, may now fail with `NameError` or pickling errors. ' +
  '`multiprocessing.get_context("fork")` brings fork back where you really need it.';

const processCost =
  'Starting a process takes tens of milliseconds, against a fraction of a millisecond for a thread, ' +
  'and everything sent between processes is pickled on the way. Send little data and do a lot of ' +
  'work in each process.';

const pickledTasks =
  'Every task, argument and result travels to and from the workers by pickling, so a lambda cannot ' +
  'be a task and large data costs time. Send little data and do a lot of work per task.';

const freeThreadedForCpu =
  'On a free-threaded CPython build (experimental in 3.13, supported but still optional since 3.14) ' +
  'threads run Python code in parallel, so a thread-based version of this answer can use every core ' +
  'without pickling, at a cost of a few percent in single-threaded speed. Check your C extensions ' +
  'first: importing one that does not support it turns the GIL back on.';

const interpreterPool =
  'Python 3.14 adds `concurrent.futures.InterpreterPoolExecutor`, another way to use every core: ' +
  'worker threads that each run their own interpreter with its own GIL, all inside one process. ' +
  'Arguments and results are still pickled, and many third-party extension modules do not work in ' +
  'it yet.';

const gilLimitsThreads =
  'Threads overlap waiting, not computing: on the standard CPython build only one thread runs ' +
  'Python code at a time. If the work turns CPU-heavy, move it to processes, or to a free-threaded ' +
  'build (supported but optional since 3.14).';

const locksStillNeeded =
  'The GIL does not make your code thread-safe, and on free-threaded builds even less is ' +
  'guaranteed. Guard shared data with a `threading.Lock`, or pass messages through a `queue.Queue`.';

const poolExitTerminates =
  'Leaving a `with Pool(...)` block calls `terminate()`, not `close()`: workers stop at once and ' +
  'queued work is dropped. Collect every result inside the block, or call `close()` then `join()`.';

const mapMemory =
  '`map` turns the whole input into a list before it starts, which can take a lot of memory. For ' +
  'very long inputs use `imap` or `imap_unordered` with a `chunksize`.';

const gilReleasingLibraries =
  'If the heavy lifting happens inside NumPy or another library that releases the GIL while it ' +
  'computes, plain threads may already give you the speed-up, without pickling.';

/** The caveats shown with each outcome, most important first. */
export const caveats: { readonly [O in OutcomeId]: readonly string[] } = {
  asyncio: [
    'One blocking call freezes every task: `time.sleep`, a blocking HTTP client or a long ' +
      'computation inside a coroutine stops the whole loop. Hand blocking calls to ' +
      '`asyncio.to_thread`, and CPU-heavy work to a process pool with `loop.run_in_executor`.',
    'asyncio has no native non-blocking file IO: `aiofiles`, for one, hands each file operation to ' +
      'a thread pool. If your IO is mostly files, plain threads are the simpler choice.',
    'Start with `asyncio.run` or `asyncio.Runner`. Since 3.14 `asyncio.get_event_loop()` raises ' +
      '`RuntimeError` when there is no current event loop, and event loop policies are deprecated, ' +
      'due to be removed in 3.16.',
    'The loop keeps only weak references to tasks, so a task made with `create_task` and then ' +
      'forgotten can vanish before it finishes. Keep a reference, or let a `TaskGroup` hold them.',
  ],
  thread: [
    gilLimitsThreads,
    'For many short tasks rather than one long job, use `ThreadPoolExecutor`. The docs advise ' +
      'against it for long-running work, since its threads are joined at exit before `atexit` ' +
      'handlers run, which is why a long job gets its own `Thread`.',
    locksStillNeeded,
  ],
  threadPool: [
    'The Python docs now steer you to `concurrent.futures.ThreadPoolExecutor` instead: it was ' +
      'designed around threads from the start, and its futures work with asyncio and other ' +
      'libraries, which `ThreadPool` results do not. Keep `ThreadPool` for when you want its map ' +
      'variants.',
    poolExitTerminates,
    mapMemory,
    gilLimitsThreads,
  ],
  threadPoolExecutor: [
    'Not for long-running jobs: the docs advise against it, because its threads are joined at ' +
      'exit before `atexit` handlers run. A job that lives as long as your program belongs in a ' +
      '`threading.Thread`.',
    'Threads overlap waiting, not computing. For CPU-bound Python on the standard build switch to ' +
      '`ProcessPoolExecutor`, which has the same interface. On a free-threaded build (supported but ' +
      'optional since 3.14) threads do compute in parallel, if all your C extensions support it.',
    'The default `max_workers` is `min(32, os.process_cpu_count() + 4)` since 3.13 (before that, ' +
      '`os.cpu_count()`). For many slow network calls a larger number may suit you better.',
    '`Future.cancel()` only stops tasks that have not started, and `shutdown(cancel_futures=True)` ' +
      'drops everything still queued; a running task is never interrupted.',
  ],
  process: [mainGuard, forkserverDefault, processCost, freeThreadedForCpu, gilReleasingLibraries],
  pool: [
    mainGuard,
    forkserverDefault,
    poolExitTerminates,
    pickledTasks,
    'If you need futures, cancelling tasks that have not started, or results that asyncio ' +
      'understands, `ProcessPoolExecutor` runs the same kind of workers behind the executor interface.',
    freeThreadedForCpu,
    interpreterPool,
    gilReleasingLibraries,
  ],
  processPoolExecutor: [
    mainGuard,
    forkserverDefault,
    pickledTasks,
    'Before 3.14 an executor could not stop tasks that were already running; 3.14 added ' +
      '`terminate_workers()` and `kill_workers()`. On older versions a `multiprocessing.Pool` can ' +
      '`terminate()` its workers instead.',
    freeThreadedForCpu,
    interpreterPool,
    gilReleasingLibraries,
  ],
};
