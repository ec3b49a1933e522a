def testRaisedStopIteration1(self):
    # From bug 1462485
    @contextmanager
    def cm():
        yield

    def shouldThrow():
        with cm():
            raise StopIteration("from with")

    with self.assertRaisesRegex(StopIteration, 'from with'):
        shouldThrow()
