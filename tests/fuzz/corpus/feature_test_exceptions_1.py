def test_getattr_suggestions_do_not_trigger_for_big_dicts(self):
    class A:
        blech = None
    # A class with a very big __dict__ will not be consider
    # for suggestions.
    for index in range(2000):
        setattr(A, f"index_{index}", None)

    try:
        A().bluch
    except AttributeError as exc:
        with support.captured_stderr() as err:
            sys.__excepthook__(*sys.exc_info())

    self.assertNotIn("blech", err.getvalue())
