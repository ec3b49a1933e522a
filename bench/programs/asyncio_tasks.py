"""asyncio_tasks: task switching on a real asyncio event loop.

Three patterns that exercise Future, Task and the event loop's ready queue
(the work _asyncio's C Future and Task take over from futures.py and
tasks.py):
- WORKERS tasks each run ROUNDS rounds of `await asyncio.sleep(0)` (a bare
  yield: one trip through the ready queue) then await a future that a
  call_soon callback completes with the round number;
- a producer/consumer pair through an asyncio.Queue of size 8, ITEMS items;
- a chain of CHILDREN child tasks awaited one after the other, each
  returning its argument plus one.

Check, by closed forms: each worker's sum is 0 + 1 + ... + ROUNDS-1; the
consumer's sum is the sum of the items; the chain's sum is 1 + ... + CHILDREN.
"""
import asyncio

from _harness import main, expect

WORKERS = 200
ROUNDS = 50
ITEMS = 10000
CHILDREN = 10000


async def worker(rounds):
    loop = asyncio.get_running_loop()
    total = 0
    for i in range(rounds):
        await asyncio.sleep(0)
        fut = loop.create_future()
        loop.call_soon(fut.set_result, i)
        total += await fut
    return total


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
    await queue.put(None)


async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            return total
        total += item


async def child(x):
    return x + 1


async def chain(n):
    loop = asyncio.get_running_loop()
    total = 0
    for i in range(n):
        total += await loop.create_task(child(i))
    return total


async def all_patterns():
    sums = await asyncio.gather(*[worker(ROUNDS) for _ in range(WORKERS)])
    queue = asyncio.Queue(8)
    _, consumed = await asyncio.gather(producer(queue, ITEMS), consumer(queue))
    chained = await chain(CHILDREN)
    return sums, consumed, chained


def run():
    return asyncio.run(all_patterns())


def check(result):
    sums, consumed, chained = result
    expect(len(sums) == WORKERS, "%d worker results", len(sums))
    expect(all(s == ROUNDS * (ROUNDS - 1) // 2 for s in sums), "worker sums %r", sums[:3])
    expect(consumed == ITEMS * (ITEMS - 1) // 2, "consumer sum %d", consumed)
    expect(chained == CHILDREN * (CHILDREN + 1) // 2, "chain sum %d", chained)


if __name__ == '__main__':
    main('asyncio_tasks', run, check)
