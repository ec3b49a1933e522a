# The first thing a fresh process's asyncio Task does is finish with an
# exception: the C Task reports it (it once lost it while importing its
# helpers, and crashed).
import asyncio


class Boom(Exception):
    pass


async def fails():
    raise Boom("first step")


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(fails())
except Boom as e:
    print("caught", type(e).__name__, e)
finally:
    loop.close()


async def fails_later():
    await asyncio.sleep(0)
    raise KeyError("later")


try:
    asyncio.run(fails_later())
except KeyError as e:
    print("caught", type(e).__name__, e)


# (the shape of test_coroutines' CoroAsyncIOCompatTest.test_asyncio_1)
class CM:
    async def __aenter__(self):
        await asyncio.sleep(0.001)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        await asyncio.sleep(0.001)
        print("exit with", exc_type.__name__)


async def with_cm():
    async with CM():
        await asyncio.sleep(0.001)
        raise ValueError("inside")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    loop.run_until_complete(with_cm())
except ValueError as e:
    print("caught", type(e).__name__, e)
finally:
    loop.close()
    asyncio.set_event_loop(None)
