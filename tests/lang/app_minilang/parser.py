"""Recursive descent for statements, precedence climbing for binary operators."""
from . import nodes as N
from .errors import ParseError
from .tokens import tokenize

# Binary operators by precedence level (higher binds tighter).
PRECEDENCE = {
    "or": 1, "and": 2,
    "==": 3, "!=": 3,
    "<": 4, "<=": 4, ">": 4, ">=": 4,
    "..": 5,
    "+": 6, "-": 6,
    "*": 7, "/": 7, "%": 7,
}


class Parser:
    def __init__(self, tokens):
        self.tokens = iter(tokens)
        self.current = next(self.tokens)
        self.lookahead = None

    # -- token helpers --------------------------------------------------------
    def advance(self):
        tok = self.current
        if self.lookahead is not None:
            self.current, self.lookahead = self.lookahead, None
        elif tok.kind != "eof":
            self.current = next(self.tokens)
        return tok

    def peek(self):
        if self.lookahead is None:
            self.lookahead = next(self.tokens) if self.current.kind != "eof" else self.current
        return self.lookahead

    def error(self, message, tok=None):
        tok = tok or self.current
        found = "end of input" if tok.kind == "eof" else repr(tok.value)
        return ParseError(f"{message}, found {found}", tok.line, tok.column)

    def expect_op(self, op):
        if not self.current.is_op(op):
            raise self.error(f"expected {op!r}")
        return self.advance()

    def expect_name(self):
        if self.current.kind != "name":
            raise self.error("expected a name")
        return self.advance().value

    # -- statements -------------------------------------------------------------
    def program(self):
        body = []
        while self.current.kind != "eof":
            body.append(self.statement())
        return N.Program(body, line=1)

    def block(self):
        start = self.expect_op("{")
        body = []
        while not self.current.is_op("}"):
            if self.current.kind == "eof":
                raise self.error("unclosed block")
            body.append(self.statement())
        self.advance()
        return N.Block(body, line=start.line)

    def statement(self):
        tok = self.current
        if tok.is_keyword("let"):
            self.advance()
            name = self.expect_name()
            self.expect_op("=")
            value = self.expression()
            self.expect_op(";")
            return N.Let(name, value, line=tok.line)
        if tok.is_keyword("fn") and self.peek().kind == "name":
            self.advance()
            name = self.expect_name()
            params, body = self.function_rest()
            return N.Let(name, N.FuncLit(name, params, body, line=tok.line), line=tok.line)
        if tok.is_keyword("if"):
            return self.if_statement()
        if tok.is_keyword("while"):
            self.advance()
            cond = self.expression()
            return N.While(cond, self.block(), line=tok.line)
        if tok.is_keyword("for"):
            self.advance()
            var = self.expect_name()
            if not self.current.is_keyword("in"):
                raise self.error("expected 'in'")
            self.advance()
            iterable = self.expression()
            return N.For(var, iterable, self.block(), line=tok.line)
        if tok.is_keyword("return"):
            self.advance()
            value = None if self.current.is_op(";") else self.expression()
            self.expect_op(";")
            return N.Return(value, line=tok.line)
        if tok.is_keyword("break", "continue"):
            self.advance()
            self.expect_op(";")
            return (N.Break if tok.value == "break" else N.Continue)(line=tok.line)
        if tok.is_keyword("throw"):
            self.advance()
            value = self.expression()
            self.expect_op(";")
            return N.Throw(value, line=tok.line)
        if tok.is_keyword("try"):
            self.advance()
            body = self.block()
            if not self.current.is_keyword("catch"):
                raise self.error("expected 'catch'")
            self.advance()
            self.expect_op("(")
            var = self.expect_name()
            self.expect_op(")")
            return N.Try(body, var, self.block(), line=tok.line)
        if tok.is_op("{"):
            return self.block()
        expr = self.expression()
        if self.current.is_op("=", "+=", "-="):
            op = self.advance().value
            if not isinstance(expr, (N.Name, N.Index)):
                raise ParseError("cannot assign to this expression", tok.line, tok.column)
            value = self.expression()
            self.expect_op(";")
            return N.Assign(expr, op, value, line=tok.line)
        self.expect_op(";")
        return N.ExprStmt(expr, line=tok.line)

    def if_statement(self):
        tok = self.advance()
        cond = self.expression()
        then = self.block()
        otherwise = None
        if self.current.is_keyword("else"):
            self.advance()
            otherwise = self.if_statement() if self.current.is_keyword("if") else self.block()
        return N.If(cond, then, otherwise, line=tok.line)

    def function_rest(self):
        self.expect_op("(")
        params = []
        while not self.current.is_op(")"):
            name = self.expect_name()
            if name in params:
                raise self.error(f"duplicate parameter {name!r}")
            params.append(name)
            if not self.current.is_op(")"):
                self.expect_op(",")
        self.advance()
        return params, self.block()

    # -- expressions ------------------------------------------------------------
    def expression(self, min_prec=1):
        left = self.unary()
        while True:
            tok = self.current
            op = tok.value if tok.kind in ("op", "keyword") else None
            prec = PRECEDENCE.get(op)
            if prec is None or prec < min_prec:
                return left
            self.advance()
            right = self.expression(prec + 1)
            cls = N.Logical if op in ("and", "or") else N.RangeLit if op == ".." else N.Binary
            if cls is N.RangeLit:
                left = N.RangeLit(left, right, line=tok.line)
            else:
                left = cls(op, left, right, line=tok.line)

    def unary(self):
        tok = self.current
        if tok.is_op("-") or tok.is_keyword("not"):
            self.advance()
            return N.Unary(tok.value, self.unary(), line=tok.line)
        return self.postfix(self.primary())

    def postfix(self, expr):
        while True:
            tok = self.current
            if tok.is_op("("):
                self.advance()
                args = []
                while not self.current.is_op(")"):
                    args.append(self.expression())
                    if not self.current.is_op(")"):
                        self.expect_op(",")
                self.advance()
                expr = N.Call(expr, args, line=tok.line)
            elif tok.is_op("["):
                self.advance()
                index = self.expression()
                self.expect_op("]")
                expr = N.Index(expr, index, line=tok.line)
            elif tok.is_op("."):
                self.advance()
                name = self.expect_name()
                expr = N.Index(expr, N.String(name, line=tok.line), line=tok.line)
            else:
                return expr

    def primary(self):
        tok = self.advance()
        if tok.kind == "number":
            return N.Number(tok.value, line=tok.line)
        if tok.kind == "string":
            return N.String(tok.value, line=tok.line)
        if tok.kind == "name":
            return N.Name(tok.value, line=tok.line)
        if tok.is_keyword("true", "false", "nil"):
            return N.Literal({"true": True, "false": False, "nil": None}[tok.value], line=tok.line)
        if tok.is_keyword("fn"):
            params, body = self.function_rest()
            return N.FuncLit(None, params, body, line=tok.line)
        if tok.is_op("("):
            inner = self.expression()
            self.expect_op(")")
            return inner
        if tok.is_op("["):
            items = []
            while not self.current.is_op("]"):
                items.append(self.expression())
                if not self.current.is_op("]"):
                    self.expect_op(",")
            self.advance()
            return N.ListLit(items, line=tok.line)
        if tok.is_op("{"):
            pairs = []
            while not self.current.is_op("}"):
                key = self.expression()
                self.expect_op(":")
                pairs.append((key, self.expression()))
                if not self.current.is_op("}"):
                    self.expect_op(",")
            self.advance()
            return N.MapLit(pairs, line=tok.line)
        raise self.error("expected an expression", tok)


def parse(source):
    return Parser(tokenize(source)).program()
