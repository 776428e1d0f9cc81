import type { OutcomeId } from '../../../machines/questions.ts';

/*
 * The Python sketch shown with each recommendation.
 *
 * Each runs as is, on CPython 3.11 and later, in a second or two, with no third-party packages and
 * no network (sleeps stand in for network waits): a reader who pastes one sees the API work before
 * adapting it. test/core/knowledge/sketches.test.ts runs them on every Python it finds, the process
 * ones also under spawn (the default on macOS and Windows) and forkserver (Linux's, from 3.14).
 *
 * Each also stops at once and quietly on Ctrl-C once its workers are up, because people interrupt
 * demos, and a sketch that hangs or prints a traceback from every worker teaches the wrong habit. A
 * terminal sends Ctrl-C to every process of the program, so worker processes ignore it and the main
 * process stops them. (Under spawn and forkserver a Ctrl-C in the instant a worker is still starting,
 * before it can ignore the signal, can still print multiprocessing's own traceback.)
 *
 * They stay within 22 lines and 900 characters because a sketch shares a message's 4,000 characters
 * of text with the summary, the reasons and the caveats, and they are flush left because users see
 * the text exactly as written here.
 */

const asyncio = `import asyncio
import time

async def fetch(page: int, slots: asyncio.Semaphore) -> None:
    async with slots:  # at most 100 connections open at once
        try:
            async with asyncio.timeout(0.5):  # page 13 hangs: give up after 0.5s
                await asyncio.sleep(9 if page == 13 else 0.1)  # a network wait
        except TimeoutError:
            print(f"page {page} timed out")

async def main() -> None:
    start, slots = time.perf_counter(), asyncio.Semaphore(100)
    async with asyncio.TaskGroup() as group:
        for page in range(1000):
            group.create_task(fetch(page, slots))
    print(f"1000 fetches took {time.perf_counter() - start:.1f}s, not 100s")

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("interrupted")
`;

const thread = `import threading
import time

class Monitor(threading.Thread):
    def __init__(self) -> None:
        super().__init__()
        self.checks, self.stop_requested = 0, threading.Event()

    def run(self) -> None:
        while not self.stop_requested.wait(0.2):  # stands in for polling IO every 0.2s
            self.checks += 1
            print(f"monitor: check {self.checks}, all well")

monitor = Monitor()
monitor.start()
try:
    time.sleep(1)  # the main program keeps working meanwhile
except KeyboardInterrupt:
    print("interrupted")
finally:  # on Ctrl-C too: a thread left running would keep the program alive
    monitor.stop_requested.set()
    monitor.join(timeout=2)
`;

const threadPool = `import random
import time
from multiprocessing.pool import ThreadPool

def download(url: str) -> str:
    time.sleep(random.uniform(0.1, 0.5))  # stands in for waiting on the network
    return f"{url} downloaded"

urls = [f"https://example.com/file-{n}" for n in range(30)]
try:
    # Say how many threads: the default is one per CPU, too few for IO.
    with ThreadPool(processes=10) as pool:
        # Use the results inside the block: leaving it terminates the pool.
        for line in pool.imap_unordered(download, urls):  # first finished, first out
            print(line)
except KeyboardInterrupt:
    print("interrupted")
`;

const threadPoolExecutor = `import random
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def query(service: str) -> str:
    time.sleep(random.uniform(0.1, 0.5))  # stands in for a slow network call
    if service == "stock":
        raise ConnectionError(f"{service} is down")
    return f"{service} answered"

services = ["users", "orders", "stock", "prices", "search"]
with ThreadPoolExecutor(max_workers=3) as executor:
    futures = [executor.submit(query, name) for name in services]
    try:
        for done in as_completed(futures, timeout=10):  # in finishing order
            try:
                print(done.result())
            except ConnectionError as error:  # raised in a worker, raised again here
                print("failed:", error)
    except KeyboardInterrupt:
        executor.shutdown(wait=False, cancel_futures=True)  # drop queued calls
        print("interrupted")
`;

const process = `import multiprocessing as mp
from multiprocessing.queues import Queue
from signal import SIG_IGN, SIGINT, signal

def crunch(jobs: Queue, results: Queue) -> None:
    signal(SIGINT, SIG_IGN)  # Ctrl-C is for the main process
    while (limit := jobs.get()) is not None:  # one long-lived worker, many jobs
        results.put(sum(n * n for n in range(limit)))  # pure CPU work, no waiting

if __name__ == "__main__":
    jobs, results = mp.Queue(), mp.Queue()
    worker = mp.Process(target=crunch, args=(jobs, results))
    try:
        worker.start()
        for limit in (1_000_000, 2_000_000, 3_000_000, 4_000_000, None):  # None: stop
            jobs.put(limit)
        for _ in range(4):  # read answers before join(), or it may hang
            print(f"answer: {results.get()}")
    except KeyboardInterrupt:
        worker.terminate()
        print("interrupted")
    worker.join(timeout=5)
`;

const pool = `import math
from multiprocessing import Pool
from signal import SIG_IGN, SIGINT, signal

def count_primes(start: int) -> int:
    # Slow on purpose: trial division is pure CPU work with no waiting.
    numbers = range(start, start + 50_000)
    return sum(all(n % d for d in range(2, math.isqrt(n) + 1)) for n in numbers)

if __name__ == "__main__":
    starts = range(100_000, 400_000, 50_000)
    try:
        # Workers ignore Ctrl-C: this process handles it and stops them.
        with Pool(initializer=signal, initargs=(SIGINT, SIG_IGN)) as pool:
            # Results in order, each when ready. Leaving the block ends the pool.
            for start, count in zip(starts, pool.imap(count_primes, starts)):
                print(f"{count} primes from {start:,} to {start + 50_000:,}")
    except KeyboardInterrupt:
        print("interrupted")
`;

const processPoolExecutor = `from concurrent.futures import ProcessPoolExecutor, as_completed
from signal import SIG_IGN, SIGINT, signal

def count_divisors(n: int) -> int:
    if n < 1:
        raise ValueError(f"{n} < 1")
    return sum(1 for d in range(1, n + 1) if n % d == 0)

if __name__ == "__main__":
    numbers = [*range(500_000, 500_016), -1]
    # Workers ignore Ctrl-C
    executor = ProcessPoolExecutor(initializer=signal, initargs=(SIGINT, SIG_IGN))
    try:
        futures = {executor.submit(count_divisors, n): n for n in numbers}
        for done in as_completed(futures):
            try:
                print(f"{futures[done]} has {done.result()} divisors")
            except ValueError as error:  # raised in a worker, raised again here
                print("failed:", error)
    except KeyboardInterrupt:
        print("interrupted")
    executor.shutdown(cancel_futures=True)  # Ctrl-C: drop the queue
`;

/** The Python sketch shown with each outcome. */
export const sketches: { readonly [O in OutcomeId]: string } = {
  asyncio,
  thread,
  threadPool,
  threadPoolExecutor,
  process,
  pool,
  processPoolExecutor,
};
