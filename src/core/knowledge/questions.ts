import type { QuestionId } from '../../../machines/questions.ts';
import type { QuestionKnowledge } from './types.ts';

/*
 * Each option's `reason` is written to follow "Because you said ", so it opens with the
 * user's own claim, then names where it leads and why. Facts are checked against the CPython
 * docs for 3.11 to 3.15; docs/advice-sources.md names the page behind each.
 */

const workload: QuestionKnowledge<'workload'> = {
  title: 'What limits your task?',
  prompt:
    'Think of the slow part of your program. Is it busy computing with data it already holds, ' +
    'or is it mostly waiting for files, the network, a database or some other device?',
  options: {
    cpu: {
      label: 'Computing (CPU-bound)',
      description: 'It crunches numbers or text in memory; a faster processor would make it faster.',
      reason:
        'your task mostly computes, what matters next is where that computing runs: on the standard ' +
        'CPython build only one thread at a time runs Python code, so threads help only when the work ' +
        'runs outside the GIL, and processes are the way to use several CPUs for plain Python.',
    },
    io: {
      label: 'Waiting on IO (IO-bound)',
      description: 'It mostly waits for files, the network, a database or a device to answer.',
      reason:
        'your task mostly waits on IO, threads or coroutines fit: a thread blocked on a read or a ' +
        'write releases the GIL, so many waits overlap in one process, with no extra processes to start.',
    },
  },
  notSure: {
    examples: {
      cpu: [
        'computing the points of a fractal',
        'estimating pi with a simulation',
        'factoring large numbers',
        'parsing big HTML or JSON documents',
        'crunching large arrays with NumPy',
      ],
      io: [
        'downloading or uploading files',
        'calling a web API or querying a database',
        'reading and writing many files on disk',
        'serving many clients over sockets',
        'capturing frames from a camera',
      ],
    },
    test:
      'Run the slow part and watch a CPU monitor. If one core stays near 100% the whole time, it is ' +
      'CPU-bound. If the processor sits mostly idle while the clock runs on, it is waiting on IO. ' +
      'Or ask: would a faster processor help more than a faster disk or network?',
  },
  whyAsked:
    'This choice matters most. On the standard CPython build the GIL lets only one thread run Python ' +
    'code at a time; it is released while a thread waits on IO and inside some C libraries. So waiting ' +
    'tasks share threads or coroutines well, while computing needs a closer look at where it runs.',
};

const cpuWork: QuestionKnowledge<'cpuWork'> = {
  title: 'Where does the computing happen?',
  prompt:
    'Is the slow part your own Python code, or calls into a library that does the work in C and ' +
    'releases the GIL meanwhile (NumPy, hashlib, zlib, many image libraries)? And which Python runs ' +
    'it: the standard build, or a free-threaded one such as `python3.14t`?',
  options: {
    pythonCode: {
      label: 'My own Python code',
      description: 'Loops, arithmetic and string work written in Python, run by the standard `python3`.',
      reason:
        'the computing is your own Python code on the standard build, processes fit: there one thread ' +
        'at a time runs Python code, while each process has its own interpreter and GIL and so works on ' +
        'a CPU of its own. The price is a start-up cost per worker and pickling every argument and result.',
    },
    nativeCode: {
      label: 'A library that releases the GIL',
      description: 'Most of the time goes into NumPy, hashlib, zlib, Pillow or similar C code.',
      reason:
        'the heavy work runs inside a library that releases the GIL, threads fit: while one thread is ' +
        'inside that C code the others run, so the time spent there uses several CPUs, and threads share ' +
        'your data without pickling and start in a fraction of a millisecond. Check the library\'s docs: ' +
        'not every call releases the GIL.',
    },
    freeThreaded: {
      label: 'Python code on a free-threaded build',
      description: 'You run a free-threaded interpreter such as `python3.14t`, and your extensions support it.',
      reason:
        'you run a free-threaded build, threads fit: with no GIL, threads run Python code in parallel ' +
        'on several CPUs, with no pickling and no process start-up. The build is supported but optional ' +
        'since 3.14 (experimental in 3.13), and importing an extension that does not support it turns ' +
        'the GIL back on.',
    },
  },
  notSure: {
    examples: {
      pythonCode: [
        'a simulation written as Python loops',
        'parsing records with the `json` or `re` module (their C code keeps the GIL)',
        'a search or solver in plain Python',
        'arithmetic on Python ints and floats, item by item',
      ],
      nativeCode: [
        'large NumPy array operations',
        'hashing big files with `hashlib`',
        'compressing data with `zlib` or `lzma`',
        'resizing images with Pillow',
      ],
      freeThreaded: [
        '`python -VV` says "free-threading build"',
        'every compiled package you use ships a free-threaded wheel',
        '`sys._is_gil_enabled()` is still False after your imports',
      ],
    },
    test:
      'Profile the slow part (`python -m cProfile`). If the time is spent in your own functions, it is ' +
      'your Python code. If it sits in a few library calls on large inputs, look for "releases the GIL" ' +
      'in that library\'s docs. Then run `python -VV`: on the standard build only one thread runs Python ' +
      'code at a time; a "free-threading build" runs them in parallel while `sys._is_gil_enabled()` is False.',
  },
  whyAsked:
    'The GIL holds threads back only while they run Python code. Work done inside C that releases the ' +
    'GIL, or any work on a free-threaded build whose GIL stays off, runs in parallel on threads, which ' +
    'start faster than processes and share memory without pickling. Plain Python on the standard build needs processes, ' +
    'or from 3.14 `InterpreterPoolExecutor`: isolated interpreters with a GIL each, in one process, ' +
    'that still pickle their data and cannot load many third-party extensions yet.',
};

const ioModel: QuestionKnowledge<'ioModel'> = {
  title: 'Sockets and async, or plain threads?',
  prompt:
    'Does your program hold many network connections open at once, or do you want (or need) ' +
    'to write async/await code?',
  options: {
    asyncio: {
      label: 'Many connections, or async/await',
      description: 'Lots of sockets at the same time, or libraries and a team that already use async/await.',
      reason:
        'you have many connections or want async/await, asyncio fits: a coroutine costs far less than ' +
        'a thread, so one thread can keep tens of thousands of connections waiting at once.',
    },
    threads: {
      label: 'Other IO, plain functions',
      description: 'Files, a modest number of network calls, blocking libraries, or no wish to write async code.',
      reason:
        'your IO is not a flood of sockets and plain functions suit you, threads fit: they run ' +
        'ordinary blocking code unchanged, and asyncio has no non-blocking file IO of its own to offer.',
    },
  },
  notSure: {
    examples: {
      asyncio: [
        'a chat server or a websocket gateway',
        'a crawler fetching thousands of pages',
        'a bot built on an async framework',
        'a key library that only offers `async def` functions',
      ],
      threads: [
        'copying or compressing files on disk',
        'calling a blocking SDK a few dozen times',
        'a script that downloads a list of URLs with `urllib`',
        'a team that finds async/await awkward',
      ],
    },
    test:
      'Estimate how many operations will be waiting at the same moment. Hundreds or thousands of open ' +
      'connections point to asyncio; a handful to a few hundred suits threads. Then look at your main ' +
      'library: if its functions must be awaited, choose asyncio; if they simply block, choose threads.',
  },
  whyAsked:
    'Threads and coroutines both handle waiting well, but they differ in cost and in style. ' +
    'Coroutines are much cheaper, so asyncio scales to huge numbers of sockets; threads run ordinary ' +
    'blocking code without a rewrite. A preference for or against async/await is a fine reason too.',
};

const workers: QuestionKnowledge<'workers'> = {
  title: 'A pool, or your own workers?',
  prompt: 'Will you run many short tasks, or one or a few long-lived tasks that keep their own state?',
  options: {
    pool: {
      label: 'Many short tasks',
      description: 'One function called many times with different inputs, or a queue of mixed jobs to get through.',
      reason:
        'you have many short tasks, a pool fits: it starts a fixed set of workers once and feeds them ' +
        'task after task, of one kind or of many, so the start-up cost is paid once, not per task.',
    },
    class: {
      label: 'A few long-lived tasks',
      description: 'A job that runs for a long time, such as a monitor, a scheduler or a service with its own state.',
      reason:
        'you have one or a few long-lived tasks, a dedicated worker fits: a `Thread` or `Process` ' +
        'object gives the job its own lifetime, a handle to `join()` it, and attributes for its state ' +
        '(a `Process` keeps them in the child: send results back through a `Queue` or `Pipe`).',
    },
  },
  notSure: {
    examples: {
      pool: {
        threads: [
          'a for-loop that downloads each URL of a list',
          'calling an API once per record',
          'checksumming every file in a folder',
          'small unrelated jobs submitted as they come',
        ],
        processes: [
          'a for-loop calling one function on each item of a list',
          'scoring each of 10,000 candidates',
          'running one simulation per parameter set',
          'small unrelated computations submitted as they come',
        ],
      },
      class: {
        threads: [
          'a monitor that polls a service every few seconds',
          'a reader that listens on a socket for as long as the program runs',
          'a background writer that flushes a queue to disk',
          'a one-off job that keeps state and reports back to the main program',
        ],
        processes: [
          'a worker that computes for as long as the program runs, fed by a queue',
          'a long simulation running beside a user interface',
          'a background service whose crashes must not take down the main program',
          'a one-off computation that keeps state and reports back to the main program',
        ],
      },
    },
    test:
      'Count the tasks and guess how long each one lives. More tasks than workers, each finished in ' +
      'seconds, calls for a pool. A task that lives as long as your program, or that you want to ' +
      'start, stop and query like an object, calls for its own worker.',
  },
  whyAsked:
    'Threads and processes can be run by hand or by a pool. Many tasks, tasks of different kinds ' +
    '(heterogeneous), and workers reused from task to task point to a pool, which pays the start-up cost ' +
    'once. One job that does the same work from start to end (homogeneous), runs once and owns its state ' +
    'points to a worker of its own. This choice matters less than the first.',
};

const poolApi: QuestionKnowledge<'poolApi'> = {
  title: 'Map over data, or submit tasks?',
  prompt:
    'How will you hand work to the pool: one function mapped over a collection, ' +
    'or separate tasks that you submit and track one by one?',
  options: {
    map: {
      label: 'Map a function over data',
      description: 'A parallel for-loop: one function applied to every item, results in order or as they finish.',
      reason:
        'your work is a for-loop over data, a map fits: one call spreads the function over every item and ' +
        'hands the results back, and `multiprocessing.pool` has the richest map family (`imap`, ' +
        '`imap_unordered`, `starmap`).',
    },
    adhoc: {
      label: 'Submit and track tasks',
      description: 'Tasks submitted one at a time, maybe different functions, each with a result to await.',
      reason:
        'you submit and manage tasks one by one, an executor fits: each task gets a `Future` you can wait ' +
        'on with a timeout, cancel before it starts, or hand to asyncio with `asyncio.wrap_future()`, and ' +
        '`as_completed` and `wait` handle many at once.',
    },
  },
  notSure: {
    examples: {
      map: {
        threads: [
          'downloading every URL of a list',
          'calling an API once for each record',
          'hashing every file in a folder',
          'resizing every image in a folder with Pillow',
        ],
        processes: [
          'computing a score for every row of a dataset',
          'running one simulation for each of 100 parameter sets',
          'testing every number in a range for primality',
          'parsing every file in a folder',
        ],
      },
      adhoc: {
        threads: [
          'calling several services and acting on each answer as it arrives',
          'submitting downloads as requests come in',
          'cancelling queued requests when the user quits',
          'handing blocking calls to asyncio code',
        ],
        processes: [
          'starting computations as requests come in',
          'running a few different functions and acting on the first to finish',
          'cancelling work that has not started when the user quits',
          'awaiting CPU-heavy results from asyncio code',
        ],
      },
    },
    test:
      'Write the serial version first. If it is one `for` loop calling one function on each item, map ' +
      'it. If it calls different functions, reacts to results as they arrive, or must cancel pending ' +
      'work, submit tasks to an executor.',
  },
  whyAsked:
    'The standard library has two pool APIs, each with a thread and a process version: ' +
    '`multiprocessing.pool` and `concurrent.futures`. Both run any function, take callbacks and ' +
    're-raise a task\'s exception in your code. The pools are richer at mapping (`imap`, `imap_unordered`, ' +
    '`starmap`). The executors are better with single tasks: futures can be cancelled, gathered with ' +
    '`as_completed` or `wait` and handed to asyncio, and a process worker that dies raises ' +
    '`BrokenProcessPool` where a `Pool` may wait forever. Either works; this choice matters less than ' +
    'the earlier ones.',
};

const threadMap: QuestionKnowledge<'threadMap'> = {
  title: "The executor's map, or the Pool family?",
  prompt:
    'For a parallel for-loop on threads the Python docs generally prefer `ThreadPoolExecutor`. Do you ' +
    'need something only `multiprocessing.pool.ThreadPool` offers?',
  options: {
    executorMap: {
      label: 'A plain map is enough',
      description: 'One function over every item, results in input order, or as they finish with `as_completed`.',
      reason:
        'a plain map is enough, `ThreadPoolExecutor` fits: `executor.map` runs the loop, the docs generally ' +
        'prefer the executor to `ThreadPool`, and if you later need futures (for asyncio or other ' +
        'libraries), `submit` gives them to you.',
    },
    poolFamily: {
      label: 'The Pool family on threads',
      description: 'You want `imap_unordered`, `starmap` or `apply_async` callbacks, or the same code as a process `Pool`.',
      reason:
        'you want the `multiprocessing.pool` interface on threads, `ThreadPool` fits: it is the thread ' +
        'twin of `Pool`, so `imap_unordered`, `starmap` and callbacks work as they do with processes, and ' +
        'a loop written for a `Pool` moves to threads by changing the class it uses.',
    },
  },
  notSure: {
    examples: {
      executorMap: [
        'downloading a list of URLs and using the results in order',
        'calling an API for each record and collecting the answers',
        'a loop that asyncio code also calls through `run_in_executor`',
      ],
      poolFamily: [
        'a loop that runs on `multiprocessing.Pool` and turned out to be IO-bound',
        'handling results as they finish with `imap_unordered`',
        'calling a two-argument function with `starmap`',
      ],
    },
    test:
      'If `executor.map`, or `submit` with `as_completed`, says what you need, take the executor. Choose ' +
      '`ThreadPool` only for something the executor lacks, or to share one code path with a process `Pool`.',
  },
  whyAsked:
    '`ThreadPool` and `ThreadPoolExecutor` both run a for-loop on threads. The docs say to prefer the ' +
    'executor in general: `ThreadPool` carries process-pool methods that make little sense for threads, ' +
    'and no other library understands its results. It keeps its place where its map family or its ' +
    'kinship with `Pool` is what you need.',
};

/** What the bot says at each question of the tree. */
export const questionKnowledge: { readonly [Q in QuestionId]: QuestionKnowledge<Q> } = {
  workload,
  cpuWork,
  ioModel,
  workers,
  poolApi,
  threadMap,
};
