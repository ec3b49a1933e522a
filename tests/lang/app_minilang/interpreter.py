"""The tree walker: one method per node class, found by name."""
from . import nodes as N
from .errors import (MiniRuntimeError, ThrownValue, ReturnSignal, BreakSignal,
                     ContinueSignal, MiniError)
from .runtime import Environment, Function, Native, make_builtins, show, truthy, type_name

MAX_DEPTH = 60


class Interpreter:
    def __init__(self):
        self.output = []
        self.globals = Environment()
        for name, fn in make_builtins(self).items():
            self.globals.define(name, fn, 0)
        self.depth = 0
        self.stats = {}

    # -- driving ------------------------------------------------------------------
    def run(self, program):
        self.exec_block(program.body, self.globals)

    def count(self, what):
        self.stats[what] = self.stats.get(what, 0) + 1

    def exec_block(self, body, env):
        for stmt in body:
            self.execute(stmt, env)

    def execute(self, stmt, env):
        self.count(type(stmt).__name__)
        method = getattr(self, "exec_" + type(stmt).__name__)
        method(stmt, env)

    def evaluate(self, expr, env):
        method = getattr(self, "eval_" + type(expr).__name__, None)
        if method is None:
            raise MiniRuntimeError(f"cannot evaluate {type(expr).__name__}", expr.line)
        return method(expr, env)

    # -- statements -----------------------------------------------------------------
    def exec_Let(self, s, env):
        env.define(s.name, self.evaluate(s.value, env), s.line)

    def exec_Assign(self, s, env):
        value = self.evaluate(s.value, env)
        if isinstance(s.target, N.Name):
            if s.op != "=":
                value = self.arith(s.op[0], env.get(s.target.name, s.line), value, s.line)
            env.set(s.target.name, value, s.line)
            return
        container = self.evaluate(s.target.target, env)
        key = self.evaluate(s.target.index, env)
        if s.op != "=":
            value = self.arith(s.op[0], self.index(container, key, s.line), value, s.line)
        if isinstance(container, list):
            self.check_list_index(container, key, s.line)
            container[key] = value
        elif isinstance(container, dict):
            container[key] = value
        else:
            raise MiniRuntimeError(f"cannot assign into a {type_name(container)}", s.line)

    def exec_ExprStmt(self, s, env):
        self.evaluate(s.expr, env)

    def exec_Block(self, s, env):
        self.exec_block(s.body, Environment(env))

    def exec_If(self, s, env):
        if truthy(self.evaluate(s.cond, env)):
            self.execute(s.then, env)
        elif s.otherwise is not None:
            self.execute(s.otherwise, env)

    def exec_While(self, s, env):
        iterations = 0
        while truthy(self.evaluate(s.cond, env)):
            iterations += 1
            if iterations > 100000:
                raise MiniRuntimeError("loop ran too long", s.line)
            try:
                self.execute(s.body, env)
            except BreakSignal:
                break
            except ContinueSignal:
                continue

    def exec_For(self, s, env):
        iterable = self.evaluate(s.iterable, env)
        if isinstance(iterable, dict):
            items = list(iterable)
        elif isinstance(iterable, (list, str)):
            items = list(iterable)
        else:
            raise MiniRuntimeError(f"cannot iterate over a {type_name(iterable)}", s.line)
        for item in items:
            loop_env = Environment(env)
            loop_env.define(s.var, item, s.line)
            try:
                self.exec_block(s.body.body, loop_env)
            except BreakSignal:
                break
            except ContinueSignal:
                continue

    def exec_Return(self, s, env):
        raise ReturnSignal(None if s.value is None else self.evaluate(s.value, env))

    def exec_Break(self, s, env):
        raise BreakSignal()

    def exec_Continue(self, s, env):
        raise ContinueSignal()

    def exec_Throw(self, s, env):
        raise ThrownValue(self.evaluate(s.value, env), s.line)

    def exec_Try(self, s, env):
        try:
            self.execute(s.body, env)
        except MiniRuntimeError as err:
            handler_env = Environment(env)
            caught = err.value if isinstance(err, ThrownValue) else {"error": err.message, "line": err.line}
            handler_env.define(s.var, caught, s.line)
            self.exec_block(s.handler.body, handler_env)

    # -- expressions ------------------------------------------------------------------
    def eval_Number(self, e, env):
        return e.value

    eval_String = eval_Literal = eval_Number

    def eval_Name(self, e, env):
        return env.get(e.name, e.line)

    def eval_ListLit(self, e, env):
        return [self.evaluate(x, env) for x in e.items]

    def eval_MapLit(self, e, env):
        result = {}
        for k, v in e.pairs:
            key = self.evaluate(k, env)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise MiniRuntimeError(f"map keys must be strings or numbers, not {type_name(key)}", e.line)
            result[key] = self.evaluate(v, env)
        return result

    def eval_RangeLit(self, e, env):
        lo, hi = self.evaluate(e.start, env), self.evaluate(e.stop, env)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (lo, hi)):
            raise MiniRuntimeError("range bounds must be integers", e.line)
        return list(range(lo, hi))

    def eval_FuncLit(self, e, env):
        return Function(e.name, e.params, e.body, env)

    def eval_Unary(self, e, env):
        v = self.evaluate(e.operand, env)
        if e.op == "not":
            return not truthy(v)
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            raise MiniRuntimeError(f"cannot negate a {type_name(v)}", e.line)
        return -v

    def eval_Logical(self, e, env):
        left = self.evaluate(e.left, env)
        if e.op == "and":
            return self.evaluate(e.right, env) if truthy(left) else left
        return left if truthy(left) else self.evaluate(e.right, env)

    def eval_Binary(self, e, env):
        left = self.evaluate(e.left, env)
        right = self.evaluate(e.right, env)
        if e.op == "==":
            return self.equal(left, right)
        if e.op == "!=":
            return not self.equal(left, right)
        if e.op in ("<", "<=", ">", ">="):
            if type_name(left) != type_name(right) or type_name(left) not in ("number", "string"):
                raise MiniRuntimeError(
                    f"cannot compare {type_name(left)} {e.op} {type_name(right)}", e.line)
            return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[e.op]
        return self.arith(e.op, left, right, e.line)

    @staticmethod
    def equal(a, b):
        if isinstance(a, bool) or isinstance(b, bool):
            return a is b
        return type_name(a) == type_name(b) and a == b

    def arith(self, op, a, b, line):
        ta, tb = type_name(a), type_name(b)
        if op == "+" and ta == tb and ta in ("string", "list"):
            return a + b
        if op == "+" and "string" in (ta, tb):
            return show(a) + show(b)
        if op == "*" and {ta, tb} == {"string", "number"}:
            s, n = (a, b) if ta == "string" else (b, a)
            return s * n
        if ta != "number" or tb != "number":
            raise MiniRuntimeError(f"unsupported operands for {op}: {ta} and {tb}", line)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if b == 0:
            raise MiniRuntimeError("division by zero", line)
        if op == "/":
            return a // b if isinstance(a, int) and isinstance(b, int) and a % b == 0 else a / b
        return a % b

    def check_list_index(self, lst, i, line):
        if not isinstance(i, int) or isinstance(i, bool):
            raise MiniRuntimeError(f"list index must be an integer, not {type_name(i)}", line)
        if not -len(lst) <= i < len(lst):
            raise MiniRuntimeError(f"index {i} out of range for a list of {len(lst)}", line)

    def index(self, container, key, line):
        if isinstance(container, (list, str)):
            self.check_list_index(container, key, line)
            return container[key]
        if isinstance(container, dict):
            if key not in container:
                raise MiniRuntimeError(f"missing key {show(key, True)}", line)
            return container[key]
        raise MiniRuntimeError(f"cannot index a {type_name(container)}", line)

    def eval_Index(self, e, env):
        return self.index(self.evaluate(e.target, env), self.evaluate(e.index, env), e.line)

    def eval_Call(self, e, env):
        callee = self.evaluate(e.callee, env)
        args = [self.evaluate(a, env) for a in e.args]
        return self.call_value(callee, args, e.line)

    def call_value(self, callee, args, line):
        if isinstance(callee, Native):
            lo, hi = callee.arity()
            if not lo <= len(args) <= hi:
                expected = str(lo) if lo == hi else f"{lo} to {hi}"
                raise MiniRuntimeError(
                    f"{callee.name}() takes {expected} arguments, got {len(args)}", line)
            try:
                return callee.fn(*args)
            except MiniRuntimeError as err:
                if err.line is None:
                    err.line = line
                raise
            except (TypeError, ValueError) as err:
                raise MiniRuntimeError(f"{callee.name}(): {err}", line)
        if not isinstance(callee, Function):
            raise MiniRuntimeError(f"a {type_name(callee)} is not callable", line)
        if len(args) != callee.arity():
            raise MiniRuntimeError(
                f"{callee.name}() takes {callee.arity()} arguments, got {len(args)}", line)
        if self.depth >= MAX_DEPTH:
            raise MiniRuntimeError(f"call depth exceeded {MAX_DEPTH} in {callee.name}()", line)
        callee.calls += 1
        frame = Environment(callee.closure)
        for name, value in zip(callee.params, args):
            frame.vars[name] = value
        self.depth += 1
        try:
            self.exec_block(callee.body.body, frame)
        except ReturnSignal as r:
            return r.value
        except (BreakSignal, ContinueSignal):
            raise MiniRuntimeError("break or continue outside a loop", line) from None
        finally:
            self.depth -= 1
        return None
