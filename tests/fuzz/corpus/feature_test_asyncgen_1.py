async def run():
    it = foo().__aiter__()

    v = await it.__anext__()
    self.assertIsInstance(v, StopIteration)
    self.assertEqual(v.value, 1)
    with self.assertRaises(StopIteration) as cm:
        it.__anext__().throw(ZeroDivisionError)
    v = cm.exception.args[0]
    self.assertIsInstance(v, StopIteration)
    self.assertEqual(v.value, 3)
    with self.assertRaises(StopAsyncIteration):
        await it.__anext__()
