"""Syntax tree classes. Each node knows its line; `dump` renders a tree."""


class Node:
    fields = ()

    def __init__(self, *values, line=0):
        if len(values) != len(self.fields):
            raise TypeError(f"{type(self).__name__} takes {len(self.fields)} fields, got {len(values)}")
        for name, value in zip(self.fields, values):
            setattr(self, name, value)
        self.line = line

    def __repr__(self):
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self.fields)
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other):
        return type(self) is type(other) and all(
            getattr(self, f) == getattr(other, f) for f in self.fields)

    __hash__ = None


def node(name, *fields):
    """Make a Node subclass with the given fields (a tiny namedtuple)."""
    return type(name, (Node,), {"fields": fields, "__module__": __name__})


# expressions
Number = node("Number", "value")
String = node("String", "value")
Literal = node("Literal", "value")            # true, false, nil
Name = node("Name", "name")
Unary = node("Unary", "op", "operand")
Binary = node("Binary", "op", "left", "right")
Logical = node("Logical", "op", "left", "right")
Call = node("Call", "callee", "args")
Index = node("Index", "target", "index")
ListLit = node("ListLit", "items")
MapLit = node("MapLit", "pairs")
FuncLit = node("FuncLit", "name", "params", "body")
RangeLit = node("RangeLit", "start", "stop")

# statements
Let = node("Let", "name", "value")
Assign = node("Assign", "target", "op", "value")
ExprStmt = node("ExprStmt", "expr")
Block = node("Block", "body")
If = node("If", "cond", "then", "otherwise")
While = node("While", "cond", "body")
For = node("For", "var", "iterable", "body")
Return = node("Return", "value")
Break = node("Break")
Continue = node("Continue")
Throw = node("Throw", "value")
Try = node("Try", "body", "var", "handler")
Program = node("Program", "body")


def dump(n, indent=0):
    """An indented rendering of a tree, one node per line."""
    pad = "  " * indent
    if isinstance(n, list):
        return "\n".join(dump(x, indent) for x in n) if n else pad + "[]"
    if not isinstance(n, Node):
        return pad + repr(n)
    simple = [f for f in n.fields if not isinstance(getattr(n, f), (Node, list))]
    head = pad + type(n).__name__
    if simple:
        head += " " + " ".join(f"{f}={getattr(n, f)!r}" for f in simple)
    lines = [head]
    for f in n.fields:
        v = getattr(n, f)
        if isinstance(v, (Node, list)):
            lines.append(f"{pad}  .{f}:")
            lines.append(dump(v, indent + 2))
    return "\n".join(lines)
