import type { OutcomeId } from '../../../machines/questions.ts';

/*
 * One runnable Python sketch per outcome. Each runs as is on Python 3.11 and later, in a few
 * seconds, with no third-party packages and no network: sleeps stand in for IO. They are kept
 * flush left because the text is shown to users exactly as written here.
 */

const asyncio = `import asyncio
import time

async def fetch(page: int) -> str:
    await asyncio.sleep(0.5)  # stands in for waiting on the network
    return f"page {page} fetched"

async def main() -> None:
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(page)) for page in range(1000)]
    print(tasks[0].result(), "...", tasks[-1].result())
    print(f"1000 fetches took {time.perf_counter() - start:.1f}s, not 500s")

asyncio.run(main())
`;

const thread = `import threading
import time

class Monitor(threading.Thread):
    def __init__(self, interval: float) -> None:
        super().__init__()
        self.interval, self.checks = interval, 0
        self.stop_requested = threading.Event()

    def run(self) -> None:
        while not self.stop_requested.wait(self.interval):  # stands in for polling IO
            self.checks += 1

monitor = Monitor(interval=0.1)
monitor.start()
time.sleep(1)  # the main program keeps working meanwhile
monitor.stop_requested.set()
monitor.join()
print(f"the monitor made {monitor.checks} checks in the background")
`;

const threadPool = `import time
from multiprocessing.pool import ThreadPool

def download(url: str) -> str:
    time.sleep(0.5)  # stands in for waiting on the network
    return f"{url} downloaded"

urls = [f"https://example.com/file-{n}" for n in range(20)]
start = time.perf_counter()
with ThreadPool(processes=10) as pool:
    for line in pool.imap(download, urls):  # results come back in input order
        print(line)
print(f"20 downloads took {time.perf_counter() - start:.1f}s with 10 threads")
`;

const threadPoolExecutor = `import random
import time
from concurrent.futures import ThreadPoolExecutor, as_completed

def query(service: str) -> str:
    time.sleep(random.uniform(0.1, 1.0))  # stands in for a slow network call
    return f"{service} answered"

services = ["users", "orders", "stock", "prices", "reviews"]
with ThreadPoolExecutor(max_workers=5) as executor:
    futures = [executor.submit(query, name) for name in services]
    for future in as_completed(futures):  # first finished, first printed
        print(future.result())
`;

const process = `import multiprocessing as mp
from multiprocessing.queues import Queue

def crunch(jobs: "Queue[int | None]", results: "Queue[int]") -> None:
    while (limit := jobs.get()) is not None:  # one long-lived worker, many jobs
        results.put(sum(n * n for n in range(limit)))  # pure computation, no waiting

if __name__ == "__main__":
    jobs, results = mp.Queue(), mp.Queue()
    worker = mp.Process(target=crunch, args=(jobs, results))
    worker.start()
    for limit in (1_000_000, 2_000_000, None):  # None asks the worker to finish
        jobs.put(limit)
    print("the main program carries on while the worker computes")
    answers = [results.get(), results.get()]  # collect before join() or it may hang
    print(f"the worker's answers: {answers}")
    worker.join()
`;

const pool = `from multiprocessing import Pool

def count_primes(limit: int) -> int:
    # Slow on purpose: trial division is pure CPU work with no waiting.
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))

if __name__ == "__main__":
    limits = [20_000, 40_000, 60_000, 80_000]
    with Pool() as pool:  # one worker process per core by default
        counts = pool.map(count_primes, limits)
    for limit, count in zip(limits, counts):
        print(f"{count} primes below {limit}")
`;

const processPoolExecutor = `from concurrent.futures import ProcessPoolExecutor, as_completed

def longest_collatz(start: int, stop: int) -> tuple[int, int]:
    best = (0, start)
    for seed in range(start, stop):
        steps, n = 0, seed
        while n != 1:  # pure computation: no IO, no waiting
            n, steps = (n // 2 if n % 2 == 0 else 3 * n + 1), steps + 1
        best = max(best, (steps, seed))
    return best

if __name__ == "__main__":
    with ProcessPoolExecutor() as executor:
        chunks = [(lo, lo + 25_000) for lo in range(1, 100_001, 25_000)]
        futures = [executor.submit(longest_collatz, *chunk) for chunk in chunks]
        for future in as_completed(futures):
            steps, seed = future.result()
            print(f"{seed} needs {steps} steps to reach 1")
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
