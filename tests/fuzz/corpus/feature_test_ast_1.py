def test_match_validation_pattern(self):
    name_x = ast.Name('x', ast.Load())
    for pattern in self._MATCH_PATTERNS:
        with self.subTest(ast.dump(pattern, indent=4)):
            node = ast.Match(
                subject=name_x,
                cases = [
                    ast.match_case(
                        pattern=pattern,
                        body = [ast.Pass()]
                    )
                ]
            )
            node = ast.fix_missing_locations(node)
            module = ast.Module([node], [])
            with self.assertRaises(ValueError):
                compile(module, "<test>", "exec")
