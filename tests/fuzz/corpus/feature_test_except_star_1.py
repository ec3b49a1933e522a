def doSplitTestUnnamed(self, exc, T, match_template, rest_template):
    initial_exc_info = sys.exc_info()
    exc_info = match = rest = None
    try:
        try:
            raise exc
        except* T:
            exc_info = sys.exc_info()
            match = sys.exc_info()[1]
        else:
            if rest_template:
                self.fail("Exception not raised")
    except BaseException as e:
        rest = e
    self.assertExceptionIsLike(match, match_template)
    if match_template:
        self.assertEqual(exc_info[0], type(match_template))
    self.assertExceptionIsLike(rest, rest_template)
    self.assertEqual(sys.exc_info(), initial_exc_info)
