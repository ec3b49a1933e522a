class MiniError(Exception):
    """Base of every error a minilang program can cause."""
    kind = "error"

    def __init__(self, message, line=None, column=None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self):
        where = ""
        if self.line is not None:
            where = f" at line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        return f"{self.kind}{where}: {self.message}"


class LexError(MiniError):
    kind = "lexical error"


class ParseError(MiniError):
    kind = "syntax error"


class MiniRuntimeError(MiniError):
    kind = "runtime error"


class ThrownValue(MiniRuntimeError):
    """A value thrown by a `throw` statement and not caught."""
    kind = "uncaught throw"

    def __init__(self, value, line=None):
        super().__init__(f"{value!r}", line)
        self.value = value


# Control flow inside the tree walker travels as exceptions, not errors.
class ControlFlow(Exception):
    pass


class ReturnSignal(ControlFlow):
    def __init__(self, value):
        super().__init__()
        self.value = value


class BreakSignal(ControlFlow):
    pass


class ContinueSignal(ControlFlow):
    pass
