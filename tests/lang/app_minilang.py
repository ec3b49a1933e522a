# The minilang application: tokenize, parse and run every sample program of
# app_minilang/samples.py, and print a transcript (output, errors, statistics).
import sys
import app_minilang
from app_minilang import run_source, tokenize, parse, Interpreter, MiniError
from app_minilang.nodes import dump
from app_minilang.samples import SAMPLES
from app_minilang.errors import LexError, ParseError, MiniRuntimeError

print(f"minilang {app_minilang.VERSION}: {len(SAMPLES)} sample programs")
print("package:", app_minilang.__name__, "| script:", __name__)

# The token stream and the tree of a small program.
small = 'let greeting = "hi" + 1; print(greeting, [1, 2.5], {"k": nil});'
toks = list(tokenize(small))
print(len(toks), "tokens; kinds:", sorted({t.kind for t in toks}))
print(toks[:4])
print(dump(parse("fn sq(x) { return x * x; } print(sq(3) + -1);")))

summary = []
for number, (title, source) in enumerate(SAMPLES, 1):
    print()
    print(f"=== {number}. {title} ({len(source.splitlines())} lines)")
    interp = Interpreter()
    try:
        tree = parse(source)
        interp.run(tree)
        status = "ok"
    except ParseError as err:
        status = "parse error"
        print("!", err)
    except LexError as err:
        status = "lex error"
        print("!", err)
    except MiniRuntimeError as err:
        status = "runtime error"
        print("!", err)
    for line in interp.output:
        print("  |", line)
    stats = ", ".join(f"{k}={v}" for k, v in sorted(interp.stats.items()))
    print(f"  statements executed: {stats or 'none'}")
    summary.append((title, status, len(interp.output)))

print()
print("=== summary")
width = max(len(t) for t, _, _ in summary)
for title, status, lines in summary:
    print(f"{title:<{width}}  {status:<14} {lines:>3} lines of output")
by_status = {}
for _, status, _ in summary:
    by_status[status] = by_status.get(status, 0) + 1
print(by_status)

# run_source, the package's one-call entry point
out, err = run_source('print(format("{} + {} = {}", 2, 3, 2 + 3));')
print(out, err)
out, err = run_source('print("partial"); let x = 1 / 0;')
print(out, type(err).__name__, err.line, isinstance(err, MiniError), str(err))
sys.exit(0 if by_status.get("ok", 0) >= 8 else 1)
