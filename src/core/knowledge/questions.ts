import type { QuestionId } from '../../../machines/questions.ts';
import type { QuestionKnowledge } from './types.ts';

/*
 * Each option's `reason` is written to follow "Because you said ", so it opens with the
 * user's own claim, then names where it leads and why.
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
        'your task mostly computes, it needs processes: in the standard CPython build only one thread ' +
        'runs Python code at a time, while each process has its own interpreter and its own GIL, so ' +
        'processes can keep every core busy.',
    },
    io: {
      label: 'Waiting on IO (IO-bound)',
      description: 'It mostly waits for files, the network, a database or a device to answer.',
      reason:
        'your task mostly waits on IO, threads or coroutines fit: CPython releases the GIL while a ' +
        'thread waits on IO, so many waits can overlap cheaply without starting extra processes.',
    },
  },
  notSure: {
    examples: {
      cpu: [
        'computing the points of a fractal',
        'estimating pi with a simulation',
        'factoring large numbers',
        'parsing big HTML or JSON documents',
        'heavy text processing',
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
    'This choice matters more than any other. In the standard CPython build the GIL lets only one ' +
    'thread run Python code at a time, but it is released while a thread waits on IO. So waiting ' +
    'tasks share threads or coroutines well, while computing tasks need separate processes to use ' +
    'more than one core.',
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
        'you have many connections or want async/await, asyncio fits: coroutines are far lighter ' +
        'than threads, so a single thread can juggle tens of thousands of them.',
    },
    threads: {
      label: 'Other IO, plain functions',
      description: 'Files, a modest number of network calls, blocking libraries, or no wish to write async code.',
      reason:
        'your IO is not a flood of sockets and plain functions suit you, threads fit: they run ' +
        'ordinary blocking code unchanged, and asyncio has no native non-blocking file IO to offer.',
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
      description: 'One function called many times with different inputs, or a queue of jobs to get through.',
      reason:
        'you have many short tasks, a pool fits: it keeps a few workers alive and feeds them one task ' +
        'after another, instead of starting a new worker for every task.',
    },
    class: {
      label: 'A few long-lived tasks',
      description: 'A job that runs for a long time, such as a monitor, a scheduler or a service with its own state.',
      reason:
        'you have one or a few long-lived tasks, a dedicated worker fits: a `Thread` or `Process` ' +
        'object gives each job its own lifetime and a natural home for its state.',
    },
  },
  notSure: {
    examples: {
      pool: [
        'a for-loop calling one function on each item of a list',
        'downloading 500 files with 10 workers',
        'resizing every image in a folder',
        'small unrelated jobs submitted as they come',
      ],
      class: [
        'a monitor that checks a resource every few seconds',
        'a scheduler that wakes up to run jobs',
        'a background service that keeps a connection and a cache',
        'a one-off job that keeps state and reports back to the main program',
      ],
    },
    test:
      'Count the tasks and guess how long each one lives. More tasks than workers, each finished in ' +
      'seconds, calls for a pool. A task that lives as long as your program, or that you want to ' +
      'start, stop and query like an object, calls for its own worker.',
  },
  whyAsked:
    'Threads and processes can be managed by hand or through a pool. A pool pays the start-up cost ' +
    'once and reuses its workers, which suits many tasks; a dedicated worker suits a long job that ' +
    'owns its state. This choice matters less than the first one.',
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
        'your work is a for-loop over data, a pool from `multiprocessing.pool` fits: it offers the ' +
        'whole map family (`map`, `imap`, `imap_unordered`, `starmap`) with chunking built in.',
    },
    adhoc: {
      label: 'Submit and track tasks',
      description: 'Tasks submitted one at a time, maybe different functions, each with a result to await.',
      reason:
        'you submit and manage tasks one by one, an executor fits: each task gets a future you can ' +
        'wait on, cancel before it starts, or ask for the exception it raised.',
    },
  },
  notSure: {
    examples: {
      map: [
        'squaring every number in a list',
        'hashing every file in a folder',
        'applying one function to each row of a dataset',
        'running one simulation for each of 100 parameter sets',
      ],
      adhoc: [
        'submitting jobs as requests arrive',
        'running a few different functions and acting on the first to finish',
        'cancelling work that has not started when the user quits',
        'handing futures to asyncio or another library',
      ],
    },
    test:
      'Write the serial version first. If it is one `for` loop calling one function on each item, map ' +
      'it. If it calls different functions, reacts to results as they arrive, or must cancel pending ' +
      'work, submit tasks to an executor.',
  },
  whyAsked:
    'The standard library has two pool APIs, each with a thread and a process version: ' +
    '`multiprocessing.pool` and `concurrent.futures`. They overlap a lot and either will work; the ' +
    'pools are richer at mapping, the executors at managing single tasks. This is the least ' +
    'important of the four choices.',
};

/** What the bot says at each question of the tree. */
export const questionKnowledge: { readonly [Q in QuestionId]: QuestionKnowledge<Q> } = {
  workload,
  ioModel,
  workers,
  poolApi,
};
