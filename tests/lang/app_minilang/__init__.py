"""minilang: a small dynamically typed language, written for krait's test suite.

The pipeline is split over the package's modules:
    tokens      source text -> Token stream (a generator)
    nodes       the syntax tree classes
    parser      Token stream -> syntax tree (recursive descent + precedence climbing)
    runtime     values: functions, closures, environments, the builtins
    interpreter syntax tree -> results (a tree walker)
    errors      the exception hierarchy shared by every stage
    samples     the programs the test runs
"""
from .errors import MiniError, LexError, ParseError, MiniRuntimeError
from .tokens import tokenize
from .parser import parse
from .interpreter import Interpreter

VERSION = "0.3"

def run_source(source, name="<program>"):
    """Run a program; return (output lines, error or None)."""
    interp = Interpreter()
    try:
        tree = parse(source)
        interp.run(tree)
    except MiniError as err:
        return interp.output, err
    return interp.output, None

__all__ = ["run_source", "tokenize", "parse", "Interpreter", "MiniError", "VERSION"]
