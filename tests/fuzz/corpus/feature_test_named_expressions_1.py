def test_named_expression_invalid_set_comprehension_iterable_expression(self):
    cases = [
        ("Top level", "{i for i in (i := range(5))}"),
        ("Inside tuple", "{i for i in (2, 3, i := range(5))}"),
        ("Inside list", "{i for i in {2, 3, i := range(5)}}"),
        ("Different name", "{i for i in (j := range(5))}"),
        ("Lambda expression", "{i for i in (lambda:(j := range(5)))()}"),
        ("Inner loop", "{i for i in range(5) for j in (i := range(5))}"),
        ("Nested comprehension", "{i for i in {j for j in (k := range(5))}}"),
        ("Nested comprehension condition", "{i for i in {j for j in range(5) if (j := True)}}"),
        ("Nested comprehension body", "{i for i in {(j := True) for j in range(5)}}"),
    ]
    msg = "assignment expression cannot be used in a comprehension iterable expression"
    for case, code in cases:
        with self.subTest(case=case):
            with self.assertRaisesRegex(SyntaxError, msg):
                exec(code, {}) # Module scope
            with self.assertRaisesRegex(SyntaxError, msg):
                exec(code, {}, {}) # Class scope
            with self.assertRaisesRegex(SyntaxError, msg):
                exec(f"lambda: {code}", {}) # Function scope
