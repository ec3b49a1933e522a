def test_tp_await_3(self):
    from _testcapi import awaitType as at

    async def foo():
        future = at(1)
        return (await future)

    with self.assertRaisesRegex(
            TypeError, "__await__.*returned non-iterator of type 'int'"):
        self.assertEqual(foo().send(None), 1)
