def test_reraise_unhashable_leaf(self):
    for Bad in self.bad_types:
        with self.subTest(Bad):
            eg = ExceptionGroup(
                "eg", [TypeError(1), Bad(2), ValueError(3)])

            try:
                try:
                    raise eg
                except* TypeError:
                    pass
                except* Bad:
                    raise
            except Exception as e:
                exc = e

            self.assertExceptionIsLike(
                exc, ExceptionGroup("eg", [Bad(2), ValueError(3)]))
