# A small stack machine: an assembler for a text format and an interpreter loop.
class VMError(Exception):
    pass

def assemble(src):
    code, labels, fixups = [], {}, []
    for lineno, line in enumerate(src.strip().splitlines(), 1):
        line = line.split(";")[0].strip()
        if not line:
            continue
        if line.endswith(":"):
            labels[line[:-1]] = len(code)
            continue
        op, *args = line.split()
        if op in ("jmp", "jz", "call"):
            fixups.append((len(code), args[0], lineno))
            code.append([op, None])
        elif op == "push":
            code.append([op, int(args[0])])
        elif op in ("load", "store"):
            code.append([op, args[0]])
        else:
            code.append([op])
    for at, label, lineno in fixups:
        if label not in labels:
            raise VMError(f"line {lineno}: unknown label {label!r}")
        code[at][1] = labels[label]
    return code

def run(code, trace=False, limit=10000):
    stack, frames, env, pc, steps, out = [], [], {}, 0, 0, []
    while pc < len(code):
        steps += 1
        if steps > limit:
            raise VMError("step limit exceeded")
        ins = code[pc]
        op = ins[0]
        pc += 1
        if op == "push":
            stack.append(ins[1])
        elif op == "pop":
            stack.pop()
        elif op == "dup":
            stack.append(stack[-1])
        elif op == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op in ("add", "sub", "mul", "div", "mod", "lt", "eq"):
            b, a = stack.pop(), stack.pop()
            if op in ("div", "mod") and b == 0:
                raise VMError(f"division by zero at pc {pc - 1}")
            stack.append({"add": a + b, "sub": a - b, "mul": a * b, "div": a // b if b else 0,
                          "mod": a % b if b else 0, "lt": int(a < b), "eq": int(a == b)}[op])
        elif op == "load":
            stack.append(env[ins[1]])
        elif op == "store":
            env[ins[1]] = stack.pop()
        elif op == "jmp":
            pc = ins[1]
        elif op == "jz":
            if stack.pop() == 0:
                pc = ins[1]
        elif op == "call":
            frames.append(pc)
            pc = ins[1]
        elif op == "ret":
            pc = frames.pop()
        elif op == "print":
            out.append(stack.pop())
        elif op == "halt":
            break
        else:
            raise VMError(f"unknown instruction {op!r}")
    return out, steps, stack

FACT = """
    push 10
    store n
    push 1
    store acc
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    halt
"""
GCD = """
    push 1071
    push 462
    call gcd
    print
    halt
gcd:        ; (a b -- gcd)
    dup
    jz end
    swap    ; b a
    store t
    dup     ; b b
    load t
    swap    ; b a b
    mod     ; b a%b
    jmp gcd
end:
    pop
    ret
"""
for name, src in (("fact", FACT), ("gcd", GCD)):
    code = assemble(src)
    print(name, len(code), "instructions:", run(code))
for bad in ("push 1\npush 0\ndiv\n", "jmp nowhere\n", "loop:\njmp loop\n", "frobnicate\n"):
    try:
        print(run(assemble(bad), limit=50))
    except VMError as e:
        print(type(e).__name__, e)
