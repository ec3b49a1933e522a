"""Print what tests/unit/excgroup_test.c prints, from CPython 3.11."""


def show(label, f):
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
    else:
        print(f"{label}: {v!r}")


def show_eg(label, f):
    """repr, type, str, args, message and exceptions of a constructed group."""
    try:
        v = f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")
        return
    print(f"{label}: {v!r}")
    print(f"{label} type: {type(v)!r}")
    print(f"{label} str: {str(v)!r}")
    print(f"{label} args: {v.args!r}")
    print(f"{label} message: {v.message!r}")
    print(f"{label} exceptions: {v.exceptions!r}")


def meta(label, v):
    """The metadata a part of a split copies from its group."""
    if v is None:
        print(f"{label}: None")
        return
    print(f"{label}: {v!r} cause={v.__cause__!r} context={v.__context__!r} "
          f"suppress={v.__suppress_context__!r} tb={v.__traceback__!r} "
          f"notes={getattr(v, '__notes__', '<none>')!r}")


def egmatch(label, exc, T):
    """One except* clause: what it sees, and what is left to re-raise."""
    got = None
    try:
        try:
            raise exc
        except* T as m:
            got = m
    except TypeError as e:
        if got is None and e.__context__ is exc:
            print(f"{label}: TypeError: {e}")
            return
        print(f"{label}: {got!r} / {e!r}")
    except BaseException as r:
        print(f"{label}: {got!r} / {r!r}")
    else:
        print(f"{label}: {got!r} / None")


V, T, K, O, R = ValueError, TypeError, KeyError, OSError, RuntimeError

# ---- construction ----
show_eg("EG('m', [V(1), T(2)])", lambda: ExceptionGroup("m", [V(1), T(2)]))
show_eg("EG('m', (V(1),))", lambda: ExceptionGroup("m", (V(1),)))
show_eg("BEG('m', [V(1)])", lambda: BaseExceptionGroup("m", [V(1)]))
show_eg("BEG('m', [KeyboardInterrupt()])", lambda: BaseExceptionGroup("m", [KeyboardInterrupt()]))
show_eg("BEG('m', [V(), SystemExit(3)])", lambda: BaseExceptionGroup("m", [V(), SystemExit(3)]))
show_eg("EG('', [V()]*3)", lambda: ExceptionGroup("", [V()] * 3))
show_eg("EG('héllo ✓', [V()])", lambda: ExceptionGroup("héllo ✓", [V()]))
show_eg("EG('m', [EG('in', [V(1)]), T(2)])", lambda: ExceptionGroup("m", [ExceptionGroup("in", [V(1)]), T(2)]))
show("EG('m')", lambda: ExceptionGroup("m"))
show("EG()", lambda: ExceptionGroup())
show("EG('m', [V()], 3)", lambda: ExceptionGroup("m", [V()], 3))
show("EG(1, [V()])", lambda: ExceptionGroup(1, [V()]))
show("EG(b'x', [V()])", lambda: ExceptionGroup(b"x", [V()]))
show("EG('m', [V()], x=1)", lambda: ExceptionGroup("m", [V()], x=1))
show("EG('m', exceptions=[V()])", lambda: ExceptionGroup("m", exceptions=[V()]))
show("EG('m', 5)", lambda: ExceptionGroup("m", 5))
show("EG('m', None)", lambda: ExceptionGroup("m", None))
show("EG('m', {V()})", lambda: ExceptionGroup("m", {V()}))
show("EG('m', {1: V()})", lambda: ExceptionGroup("m", {1: V()}))
show("EG('m', [])", lambda: ExceptionGroup("m", []))
show("EG('m', ())", lambda: ExceptionGroup("m", ()))
show("EG('m', 'ab')", lambda: ExceptionGroup("m", "ab"))
show("EG('m', range(3))", lambda: ExceptionGroup("m", range(3)))
show("EG('m', [V(), 1])", lambda: ExceptionGroup("m", [V(), 1]))
show("EG('m', [V(), V])", lambda: ExceptionGroup("m", [V(), V]))
show("EG('m', [KeyboardInterrupt()])", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
show("EG('m', [V(), GeneratorExit()])", lambda: ExceptionGroup("m", [V(), GeneratorExit()]))
show("BEG('m', [V(), 2])", lambda: BaseExceptionGroup("m", [V(), 2]))

# ---- the types ----
show("ExceptionGroup.__mro__", lambda: ExceptionGroup.__mro__)
show("ExceptionGroup.__bases__", lambda: ExceptionGroup.__bases__)
show("BaseExceptionGroup.__mro__", lambda: BaseExceptionGroup.__mro__)
show("isinstance(EG, Exception)", lambda: isinstance(ExceptionGroup("m", [V()]), Exception))
show("isinstance(EG, BaseExceptionGroup)", lambda: isinstance(ExceptionGroup("m", [V()]), BaseExceptionGroup))
show("isinstance(BEG, Exception)", lambda: isinstance(BaseExceptionGroup("m", [SystemExit()]), Exception))
show("issubclass(ExceptionGroup, Exception)", lambda: issubclass(ExceptionGroup, Exception))
show("EG.message = 'x'", lambda: setattr(ExceptionGroup("m", [V()]), "message", "x"))
show("EG.exceptions = ()", lambda: setattr(ExceptionGroup("m", [V()]), "exceptions", ()))

# ---- derive ----
eg = ExceptionGroup("eg", [V(1), T(2)])
show("derive([K(3)])", lambda: eg.derive([K(3)]))
show("type(derive([K(3)]))", lambda: type(eg.derive([K(3)])))
show("derive([KeyboardInterrupt()])", lambda: eg.derive([KeyboardInterrupt()]))
show("derive(())", lambda: eg.derive(()))
show("derive(5)", lambda: eg.derive(5))
show("derive()", lambda: eg.derive())
show("derive([V()], 1)", lambda: eg.derive([V()], 1))
show("derive(x=1)", lambda: eg.derive(x=1))

# ---- split and subgroup ----
eg = ExceptionGroup("eg", [V(1), T(2), ExceptionGroup("in", [O(3), V(4), K(5)]), K(6)])
show("split(V)", lambda: eg.split(V))
show("split(T)", lambda: eg.split(T))
show("split(LookupError)", lambda: eg.split(LookupError))
show("split((V, K))", lambda: eg.split((V, K)))
show("split((V, T, O, K))", lambda: eg.split((V, T, O, K)))
show("split(Exception)", lambda: eg.split(Exception))
show("split(Exception)[0] is eg", lambda: eg.split(Exception)[0] is eg)
show("split(ExceptionGroup)[0] is eg", lambda: eg.split(ExceptionGroup)[0] is eg)
show("split(BaseExceptionGroup)[0] is eg", lambda: eg.split(BaseExceptionGroup)[0] is eg)
show("split(ZeroDivisionError)", lambda: eg.split(ZeroDivisionError))
show("split(ZeroDivisionError)[1] is eg", lambda: eg.split(ZeroDivisionError)[1] is eg)
show("split(())", lambda: eg.split(()))
show("split(int)", lambda: eg.split(int))
show("split((V, int))", lambda: eg.split((V, int)))
show("split([V])", lambda: eg.split([V]))
show("split(None)", lambda: eg.split(None))
show("split(V())", lambda: eg.split(V()))
show("split(len)", lambda: eg.split(len))
show("split()", lambda: eg.split())
show("split(V, T)", lambda: eg.split(V, T))
show("split(x=V)", lambda: eg.split(x=V))
show("subgroup(V)", lambda: eg.subgroup(V))
show("subgroup(O)", lambda: eg.subgroup(O))
show("subgroup(ZeroDivisionError)", lambda: eg.subgroup(ZeroDivisionError))
show("subgroup(Exception) is eg", lambda: eg.subgroup(Exception) is eg)
show("subgroup((T, K))", lambda: eg.subgroup((T, K)))
show("subgroup(1)", lambda: eg.subgroup(1))
show("subgroup()", lambda: eg.subgroup())
show("subgroup(V, x=1)", lambda: eg.subgroup(V, x=1))
beg = BaseExceptionGroup("beg", [V(1), KeyboardInterrupt(), BaseExceptionGroup("in", [SystemExit(2), T(3)])])
show("beg", lambda: beg)
show("beg.split(Exception)", lambda: beg.split(Exception))
show("types of beg.split(Exception)", lambda: tuple(type(p) for p in beg.split(Exception)))
show("beg.split(SystemExit)", lambda: beg.split(SystemExit))
show("beg.subgroup(BaseException) is beg", lambda: beg.subgroup(BaseException) is beg)
show("shared leaves", lambda: [p.exceptions[0] is eg.exceptions[0] for p in eg.split(V) if p])

# ---- what the parts of a split copy ----
c1, c2 = K("cause"), K("context")
eg = ExceptionGroup("eg", [V(1), T(2)])
eg.__cause__ = c1
eg.__context__ = c2
eg.__suppress_context__ = False
eg.add_note("note 1")
m, r = eg.split(V)
meta("meta eg", eg)
meta("meta match", m)
meta("meta rest", r)
show("match.__cause__ is cause", lambda: m.__cause__ is c1)
show("match.__context__ is context", lambda: m.__context__ is c2)
show("notes copied", lambda: m.__notes__ is not eg.__notes__ and r.__notes__ is not m.__notes__)
eg.__notes__ = ("a", "b")
meta("tuple notes", eg.split(T)[0])
eg.__notes__ = 5
meta("int notes", eg.split(T)[0])
del eg.__notes__
meta("no notes", eg.subgroup(T))
eg2 = ExceptionGroup("eg2", [V(1), ExceptionGroup("in", [T(2), V(3)])])
eg2.exceptions[1].add_note("inner")
m, r = eg2.split(T)
meta("nested match", m)
meta("nested match inner", m.exceptions[0])
meta("nested rest inner", r.exceptions[1])

# ---- except* (one clause) ----
egmatch("naked V by V", V(1), V)
egmatch("naked V by Exception", V(1), Exception)
egmatch("naked V by (T, V)", V(1), (T, V))
egmatch("naked V by T", V(1), T)
egmatch("naked KeyboardInterrupt by BaseException", KeyboardInterrupt(), BaseException)
egmatch("group by V", ExceptionGroup("eg", [V(1), T(2)]), V)
egmatch("group by Exception", ExceptionGroup("eg", [V(1), T(2)]), Exception)
egmatch("group by K", ExceptionGroup("eg", [V(1), T(2)]), K)
egmatch("nested by (V, O)", ExceptionGroup("eg", [V(1), ExceptionGroup("in", [O(2), T(3)])]), (V, O))
egmatch("naked by ExceptionGroup", V(1), ExceptionGroup)
egmatch("group by (V, BaseExceptionGroup)", ExceptionGroup("eg", [V(1)]), (V, BaseExceptionGroup))
egmatch("naked by int", V(1), int)
egmatch("naked by (V, 1)", V(1), (V, 1))
egmatch("naked by (V, (T,))", V(1), (V, (T,)))

# ---- try/except* statements: what propagates ----


def real(orig, clauses):
    """clauses: (type, action) with action 'pass', 'raise' or an exception."""
    code = ["try:", "    raise orig"]
    for i, (typ, action) in enumerate(clauses):
        code.append(f"except* clauses[{i}][0]:")
        if action == "pass":
            code.append("    pass")
        elif action == "raise":
            code.append("    raise")
        else:
            code.append(f"    raise clauses[{i}][1]")
    ns = {"orig": orig, "clauses": clauses}
    try:
        exec("\n".join(code), ns)
    except BaseException as e:
        return e
    return None


def prep(label, orig, clauses):
    """What a try/except* statement with these clauses lets propagate."""
    print(f"{label}: {real(orig, clauses)!r}")


def G():
    return ExceptionGroup("eg", [V(1), T(2), ExceptionGroup("in", [O(3), K(4)])])


prep("reraise V, new for T", G(), [(V, "raise"), (T, R("new"))])
prep("handle V and O", G(), [(V, "pass"), (O, "pass")])
prep("handle all", G(), [(V, "pass"), (T, "pass"), (LookupError, "pass"), (O, "pass")])
prep("handle Exception", G(), [(Exception, "pass")])
prep("reraise Exception", G(), [(Exception, "raise")])
prep("reraise V and T", G(), [(V, "raise"), (T, "raise")])
prep("reraise O only", G(), [(O, "raise")])
prep("new in two clauses", G(), [(V, R("a")), (O, R("b"))])
prep("one new, all handled", G(), [(Exception, R("only"))])
prep("one new, rest re-raised", G(), [(V, R("only"))])
prep("new in two clauses, all handled", G(), [(V, R("a")), ((T, O, K), R("b"))])
prep("new group raised", G(), [(T, ExceptionGroup("new", [R("x")]))])
prep("tuple clause reraise", G(), [((V, O), "raise")])
prep("nothing matches", G(), [(ZeroDivisionError, "pass")])
prep("naked reraise", V(1), [(V, "raise")])
prep("naked handled", V(1), [(V, "pass")])
prep("naked new", V(1), [(V, T("t"))])
prep("naked unmatched", K(1), [(V, "pass"), (T, "raise")])
prep("naked second clause", K(1), [(V, "pass"), (LookupError, "raise")])
prep("base group reraise", BaseExceptionGroup("b", [KeyboardInterrupt(), V(1)]), [(KeyboardInterrupt, "raise")])
prep("base group handled K", BaseExceptionGroup("b", [KeyboardInterrupt(), V(1)]), [(KeyboardInterrupt, "pass")])


def noted():
    g = G()
    g.add_note("note")
    return g


prep("reraise V of a group with notes", noted(), [(V, "raise")])
prep("reraise V, new for T, with notes", noted(), [(V, "raise"), (T, R("new"))])
