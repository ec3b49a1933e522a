class ConfigError(Exception):
    def __init__(self, key, problem):
        super().__init__(key, problem)
        self.key = key
        self.problem = problem
    def __str__(self):
        return f"bad setting {self.key!r}: {self.problem}"
print("loading")
raise ConfigError("port", "must be a number")
