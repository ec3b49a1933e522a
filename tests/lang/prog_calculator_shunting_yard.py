import sys
PREC = {"+": (1, "L"), "-": (1, "L"), "*": (2, "L"), "/": (2, "L"), "%": (2, "L"), "^": (3, "R"), "neg": (4, "R")}

def tokenize(expr):
    tokens, i = [], 0
    while i < len(expr):
        c = expr[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(expr) and (expr[j].isdigit() or expr[j] == "."):
                j += 1
            text = expr[i:j]
            tokens.append(float(text) if "." in text else int(text))
            i = j
        elif c in "+-*/%^()":
            if c == "-" and (not tokens or tokens[-1] in PREC or tokens[-1] == "("):
                tokens.append("neg")
            else:
                tokens.append(c)
            i += 1
        else:
            raise SyntaxError(f"bad character {c!r} at {i}")
    return tokens

def to_rpn(tokens):
    out, ops = [], []
    for t in tokens:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == "(":
            ops.append(t)
        elif t == ")":
            while ops and ops[-1] != "(":
                out.append(ops.pop())
            if not ops:
                raise SyntaxError("unbalanced )")
            ops.pop()
        else:
            p, assoc = PREC[t]
            while ops and ops[-1] != "(" and (PREC[ops[-1]][0] > p or (PREC[ops[-1]][0] == p and assoc == "L")):
                out.append(ops.pop())
            ops.append(t)
    while ops:
        op = ops.pop()
        if op == "(":
            raise SyntaxError("unbalanced (")
        out.append(op)
    return out

def evaluate(rpn):
    st = []
    for t in rpn:
        if isinstance(t, (int, float)):
            st.append(t)
        elif t == "neg":
            st.append(-st.pop())
        else:
            b, a = st.pop(), st.pop()
            if t == "+": st.append(a + b)
            elif t == "-": st.append(a - b)
            elif t == "*": st.append(a * b)
            elif t == "/": st.append(a / b)
            elif t == "%": st.append(a % b)
            elif t == "^": st.append(a ** b)
    if len(st) != 1:
        raise SyntaxError("malformed expression")
    return st[0]

for expr in ("1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "7 % 3 + -1", "2 * (3 + (4 - 1)) / 3",
             "1.5 * 4", "100", "((2))", "2 ^ 100", "1 / 0", "(1 + 2", "1 + 2)", "3 $ 4", "1 2"):
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:<24} {' '.join(map(str, rpn)):<28} = {evaluate(rpn)}")
    except (SyntaxError, ZeroDivisionError) as e:
        print(f"{expr:<24} error: {type(e).__name__}: {e}")
