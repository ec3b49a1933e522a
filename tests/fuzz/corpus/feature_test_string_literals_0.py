def test_eval_bytes_invalid_octal_escape(self):
    for i in range(0o400, 0o1000):
        with self.assertWarns(DeprecationWarning):
            self.assertEqual(eval(r"b'\%o'" % i), bytes([i & 0o377]))

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always', category=DeprecationWarning)
        eval("b'''\n\\407'''")
    self.assertEqual(len(w), 1)
    self.assertEqual(str(w[0].message),
                     r"invalid octal escape sequence '\407'")
    self.assertEqual(w[0].filename, '<string>')
    self.assertEqual(w[0].lineno, 1)

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('error', category=DeprecationWarning)
        with self.assertRaises(SyntaxError) as cm:
            eval("b'''\n\\407'''")
        exc = cm.exception
    self.assertEqual(w, [])
    self.assertEqual(exc.msg, r"invalid octal escape sequence '\407'")
    self.assertEqual(exc.filename, '<string>')
    self.assertEqual(exc.lineno, 1)
