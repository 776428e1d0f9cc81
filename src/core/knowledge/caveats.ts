import type { OutcomeId } from '../../../machines/questions.ts';

/*
 * Caveats that can change the answer or bite in production, each checked against the CPython docs
 * for 3.11 to 3.15 (docs/advice-sources.md names the page behind each). Figures marked "measured"
 * come from runs on CPython 3.11 to 3.13 on Linux. Several outcomes share one caveat; it is
 * written once here so the wording never drifts apart.
 */

const mainGuard =
  'Start processes only under `if __name__ == "__main__":`. Under spawn (Windows, macOS) and ' +
  'forkserver (Linux and other POSIX systems from 3.14) each child re-imports your main module; ' +
  'unguarded, it dies with a `RuntimeError`, and then a `Pool` keeps replacing its workers and ' +
  'hangs, while a `ProcessPoolExecutor` raises `BrokenProcessPool`.';

const forkserverDefault =
  'Python 3.14 made forkserver the default start method on POSIX systems other than macOS (macOS ' +
  'has used spawn since 3.8; Windows only has spawn). Code that relied on fork, with children ' +
  'inheriting globals or unpicklable objects, may now fail with `NameError` or pickling errors; ' +
  '`multiprocessing.get_context("fork")` (for an executor, `mp_context=`) keeps fork where you need ' +
  'it.';

const processCost =
  'Starting a process takes time, set by the start method (measured on Linux, 3.11 to 3.13): fork ' +
  'about 10-30 ms; spawn, a new interpreter that re-imports your main module, 70-200 ms depending ' +
  'on its imports; forkserver pays about that once to start its server, then 35-90 ms a process. A ' +
  'thread starts in well under a millisecond. Start workers once and give each plenty of work.';

const sharingMemory =
  'Processes share no Python objects by default: what goes through a `Queue` or `Pipe` is pickled ' +
  'and copied. Sharing is opt-in: `Value` and `Array` hold C numbers behind a lock, ' +
  '`multiprocessing.shared_memory` shares raw bytes you must synchronise and free, and a manager ' +
  'serves objects from another process at a message per access.';

const pickledTasks =
  'Tasks, arguments and results travel between processes by pickle: the function must live at the ' +
  'top level of a module (no lambdas or nested functions), and big arguments cost time and memory ' +
  'on both sides. Send little data and do much work per task.';

const processWorkerCount =
  'With no count, `Pool` and `ProcessPoolExecutor` use up to one process per logical CPU your ' +
  'program may use: `os.process_cpu_count()` since 3.13 (it follows CPU affinity, not container ' +
  'quotas), `os.cpu_count()` before. Under a container CPU limit, pass the number. On Windows, ' +
  '`ProcessPoolExecutor` allows at most 61.';

const processCtrlC =
  'Ctrl-C in a terminal interrupts every process in the group, so each worker gets its own ' +
  '`KeyboardInterrupt`. Make workers ignore it, catch it in the main program and stop them: ' +
  '`terminate()` for a `Pool` or `Process`, `shutdown(cancel_futures=True)` for an executor ' +
  '(running tasks still finish; from 3.14 `terminate_workers()` stops them too). The sketch shows ' +
  'one way.';

const freeThreadedForCpu =
  'On a free-threaded build (experimental in 3.13, supported but optional since 3.14) threads run ' +
  'Python code in parallel, so threads can do this work without pickling. Single-threaded code ran ' +
  'about 40% slower on 3.13t; What\'s New in 3.14 puts the cost at roughly 5-10%, and memory use is ' +
  'higher. Importing a C extension that does not declare support turns the GIL back on with a ' +
  'warning (unless you run with `PYTHON_GIL=0`): check `sys._is_gil_enabled()` after your imports.';

const interpreterPool =
  'Python 3.14 adds `concurrent.futures.InterpreterPoolExecutor`: threads that each run an isolated ' +
  'interpreter with its own GIL, in one process, so plain Python uses every CPU with no new process ' +
  '(starting an interpreter still takes time). Data is still pickled, many third-party extensions ' +
  'do not load in a subinterpreter yet, and its default worker count is CPUs + 4, at most 32: set ' +
  'it for CPU work.';

const gilLimitsThreads =
  'Threads run in parallel only while the GIL is released: during IO waits and inside C code that ' +
  'releases it. On the standard build, Python code itself runs one thread at a time; if the work turns ' +
  'into pure-Python computation, move it to processes or to a free-threaded build.';

const locksStillNeeded =
  'The GIL never made your code thread-safe: a thread can be switched out between any two bytecode ' +
  'instructions, so `count += 1` on shared data can lose updates. Free-threaded builds lock built-in ' +
  'types internally, but the docs call that an implementation detail, not a guarantee. Guard shared ' +
  'data with a `threading.Lock`, or pass messages through a `queue.Queue`.';

const exitWaitsForThreads =
  'At exit Python waits: it joins every non-daemon thread, and runs every task still queued on an ' +
  'executor whose queue was not cancelled. Both happen before `atexit` handlers run, so a long job ' +
  'that waits for an `atexit` handler to stop it keeps the program alive. Stop long jobs yourself, ' +
  'with an `Event` they check; `daemon=True` lets the program exit without a thread, stopping it ' +
  'abruptly.';

const threadCtrlC =
  'Ctrl-C raises `KeyboardInterrupt` in the main thread only. Leaving a `with ThreadPoolExecutor` ' +
  'block still waits for every queued task; catch the interrupt and call ' +
  '`executor.shutdown(wait=False, cancel_futures=True)` so only the running tasks finish. A running ' +
  'thread is never interrupted, so long tasks should check an `Event`.';

const threadWorkerCount =
  'With no `max_workers`, `ThreadPoolExecutor` starts at most `min(32, (os.process_cpu_count() or 1) + 4)` ' +
  'threads since 3.13 (`os.cpu_count()` in 3.8 to 3.12), reusing idle ones first. That suits work in ' +
  'libraries that release the GIL; for many slow network calls pass a larger number.';

const poolExitTerminates =
  'Leaving a `with Pool(...)` block calls `terminate()`, not `close()` and `join()`: queued tasks ' +
  'are dropped and worker processes are killed mid-task. `with ThreadPool(...)` drops the queue ' +
  'too, but threads cannot be killed: tasks already running carry on in the background until the ' +
  'program exits. Collect every result inside the block, or call `close()` then `join()`. The ' +
  '`concurrent.futures` executors differ: their `with` block waits for every task.';

const mapMemory =
  '`map` turns the whole input into a list before it starts and returns one list of results. `imap` ' +
  'and `imap_unordered` (with a `chunksize`) hand results back as they finish instead, but still ' +
  'queue every input item at once: feed an endless or huge input in batches.';

const deadWorker =
  'If a worker process dies (killed, out of memory, a crash in C code), a `Pool` starts a new one but ' +
  'the task it held is lost, so `map` or `get()` without a timeout can wait forever. ' +
  '`ProcessPoolExecutor` fails instead: every pending future raises `BrokenProcessPool`.';

/** The caveats shared by several outcomes, by topic, for answers to typed questions about them. */
export const sharedCaveats = {
  mainGuard,
  forkserverDefault,
  processCost,
  sharingMemory,
  pickledTasks,
  processWorkerCount,
  processCtrlC,
  freeThreadedForCpu,
  interpreterPool,
  gilLimitsThreads,
  locksStillNeeded,
  exitWaitsForThreads,
  threadCtrlC,
  threadWorkerCount,
  poolExitTerminates,
  mapMemory,
  deadWorker,
} as const;

/** The caveats shown with each outcome, most important first. */
export const caveats: { readonly [O in OutcomeId]: readonly string[] } = {
  asyncio: [
    'One blocking call freezes every task: `time.sleep`, a blocking HTTP client or a long computation ' +
      'inside a coroutine stops the whole loop. Hand blocking calls to `asyncio.to_thread`, and ' +
      'CPU-heavy work to a process pool with `loop.run_in_executor`. A timeout around `to_thread` ends ' +
      'the wait, not the thread: it runs on, and `asyncio.run()` waits for it before returning (at most ' +
      '5 minutes from 3.12), and the program\'s exit waits for it too.',
    'asyncio has no non-blocking file IO of its own: `aiofiles`, for one, hands each file operation to ' +
      'a thread pool. If your IO is mostly files, plain threads are the simpler choice.',
    'Start with `asyncio.run` or `asyncio.Runner`. Since 3.14 `asyncio.get_event_loop()` raises ' +
      '`RuntimeError` when no event loop is running or set, and event loop policies are deprecated, ' +
      'due to be removed in 3.16.',
    'The loop keeps only weak references to tasks, so a task made with `create_task` and then ' +
      'forgotten can vanish before it finishes. Keep a reference, or let a `TaskGroup` hold them.',
    'Bound the fan-out: thousands of tasks opening connections at once can exhaust file descriptors ' +
      'or overload the server. An `asyncio.Semaphore` or a connection limit in your client caps how ' +
      'many run at a time.',
  ],
  thread: [gilLimitsThreads, exitWaitsForThreads, locksStillNeeded],
  threadPool: [
    'The Python docs tell most users to prefer `concurrent.futures.ThreadPoolExecutor`: `ThreadPool` ' +
      'carries process-pool methods that make little sense for threads, and no other library ' +
      'understands its results, while an executor\'s futures can be handed to asyncio with ' +
      '`asyncio.wrap_future()`. Keep `ThreadPool` for its map family or for one code path with a process `Pool`.',
    '`ThreadPool()` with no argument starts one thread per CPU, as the process `Pool` does, which is ' +
      'too few for IO: pass `processes=` with the number of waits you want in flight. It accepts ' +
      'neither `maxtasksperchild` nor `context`.',
    poolExitTerminates,
    mapMemory,
    gilLimitsThreads,
  ],
  threadPoolExecutor: [
    'Not for jobs that run as long as your program: at exit Python finishes every queued task and joins ' +
      'the workers before `atexit` handlers run, so a task that waits for your clean-up to stop it ' +
      'keeps the program alive. The docs advise against long-running tasks here; give such a job its ' +
      'own `threading.Thread`.',
    threadCtrlC,
    gilLimitsThreads,
    threadWorkerCount,
    locksStillNeeded,
  ],
  process: [mainGuard, forkserverDefault, processCost, sharingMemory, processCtrlC, freeThreadedForCpu, interpreterPool],
  pool: [mainGuard, forkserverDefault, poolExitTerminates, pickledTasks, processWorkerCount, deadWorker, freeThreadedForCpu, interpreterPool],
  processPoolExecutor: [
    mainGuard,
    forkserverDefault,
    pickledTasks,
    processWorkerCount,
    'Before 3.14 an executor could not stop tasks that were already running; 3.14 added ' +
      '`terminate_workers()` and `kill_workers()`. On older versions only a `multiprocessing.Pool` can ' +
      '`terminate()` its workers.',
    freeThreadedForCpu,
    interpreterPool,
  ],
};
