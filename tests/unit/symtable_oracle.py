"""CPython 3.11's side of tests/unit/symtable_test.c: same modes, same format.

    symtable_oracle.py check|dump|code FILE...

A first line "# compile: WORD..." sets options as in symtable_test.c:
mode=eval / mode=single, top_level_await, annotations, optimize.

check: compile(source_bytes, path, mode) -> "OK" or
       "!Class<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset<TAB>msg"
       (None positions print as 0; MemoryError/RecursionError as "!TooDeep")
dump:  _symtable.symtable(source, path, 'exec'), every block
code:  every code object compile() makes, one line per function or class
"""
import __future__
import ast
import sys
import warnings

import _symtable

warnings.simplefilter("ignore")


def error_line(e):
    if isinstance(e, (MemoryError, RecursionError)):
        return "!TooDeep"
    if isinstance(e, SyntaxError):
        z = lambda v: 0 if v is None else v
        return "!%s\t%d\t%d\t%d\t%d\t%s" % (type(e).__name__, z(e.lineno), z(e.offset),
                                              z(e.end_lineno), z(e.end_offset), e.msg)
    return "!%s" % type(e).__name__


def options(src):
    mode, flags, optimize = "exec", 0, 0
    if src.startswith(b"# compile:"):
        for w in src.split(b"\n", 1)[0][10:].decode().split():
            if w.startswith("mode="):
                mode = w[5:]
            elif w == "top_level_await":
                flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
            elif w == "annotations":
                flags |= __future__.annotations.compiler_flag
            elif w == "optimize":
                optimize = 1
    return mode, flags, optimize


def check(src, path):
    mode, flags, optimize = options(src)
    try:
        compile(src, path, mode, flags=flags, dont_inherit=True, optimize=optimize)
    except Exception as e:  # noqa: BLE001 - every failure is a verdict
        return [error_line(e)]
    return ["OK"]


KINDS = {0: "function", 1: "class", 2: "module", 3: "annotation"}


def dump_block(t, depth, out):
    out.append("%s%s %s %d nested=%d params=%s" % (
        " " * (4 * depth), KINDS[t.type], t.name, t.lineno, t.nested, ",".join(t.varnames)))
    for name in sorted(t.symbols):
        v = t.symbols[name]
        flags = v & ((1 << _symtable.SCOPE_OFF) - 1)
        scope = (v >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
        out.append("%s  %s %d %d" % (" " * (4 * depth), name, flags, scope))
    for c in t.children:
        dump_block(c, depth + 1, out)


def dump(src, path):
    try:
        mode, flags, _ = options(src)
        future = flags & __future__.annotations.compiler_flag
        if future:
            # _symtable.symtable() takes no flags: the options line becomes
            # the import (the line numbers stay), its name is left out below
            src = b"from __future__ import annotations" + src[src.index(b"\n"):]
        top = _symtable.symtable(src, path, mode)
    except Exception as e:  # noqa: BLE001
        return [error_line(e)]
    out = []
    dump_block(top, 0, out)
    if future:
        out.remove("  annotations %d %d" % (_symtable.DEF_IMPORT, _symtable.LOCAL))
    return out


CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR = 0x20, 0x80, 0x200
CO_VARARGS, CO_VARKEYWORDS = 0x4, 0x8


def code_lines(co, out, top):
    if not top:
        nparams = co.co_argcount + co.co_kwonlyargcount
        nparams += bool(co.co_flags & CO_VARARGS) + bool(co.co_flags & CO_VARKEYWORDS)
        f = co.co_flags
        flags = ("agen" if f & CO_ASYNC_GENERATOR else "coro" if f & CO_COROUTINE
                 else "gen" if f & CO_GENERATOR else "-")
        out.append("%s %d args=%d,%d,%d vars=%s cell=%s free=%s flags=%s" % (
            co.co_name, co.co_firstlineno, co.co_argcount, co.co_posonlyargcount,
            co.co_kwonlyargcount, ",".join(co.co_varnames[:nparams]),
            ",".join(co.co_cellvars), ",".join(co.co_freevars), flags))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            code_lines(c, out, False)


def code(src, path):
    try:
        mode, flags, optimize = options(src)
        co = compile(src, path, mode, flags=flags, dont_inherit=True, optimize=optimize)
    except Exception as e:  # noqa: BLE001
        return [error_line(e)]
    out = []
    code_lines(co, out, True)
    return sorted(out)


def main():
    mode = {"check": check, "dump": dump, "code": code}[sys.argv[1]]
    for path in sys.argv[2:]:
        print("@@ " + path)
        try:
            with open(path, "rb") as f:
                src = f.read()
        except OSError:
            print("!OSError")
            continue
        for line in mode(src, path):
            print(line)


if __name__ == "__main__":
    main()
