def parse_all(self, source, minver=lowest, maxver=highest, expected_regex=""):
    for version in range(self.lowest, self.highest + 1):
        feature_version = (3, version)
        if minver <= version <= maxver:
            try:
                yield self.parse(source, feature_version)
            except SyntaxError as err:
                raise SyntaxError(str(err) + f" feature_version={feature_version}")
        else:
            with self.assertRaisesRegex(SyntaxError, expected_regex,
                                        msg=f"feature_version={feature_version}"):
                self.parse(source, feature_version)
