"""The sample programs: (title, source). Some fail on purpose."""

SAMPLES = []


def sample(title):
    def register(source):
        SAMPLES.append((title, source))
        return source
    return register


sample("arithmetic and precedence")("""
print(1 + 2 * 3, (1 + 2) * 3, 7 / 2, 8 / 2, 7 % 3, -2 * -3);
print(2 * 3 + 4 * 5 - 6 / 3, 10 - 2 - 3, 1.5 + 2.25);
print("concat " + 42, "ab" * 3, 3 * "-", not true, not 0, 1 == 1.0);
let big = 1;
for i in 1..31 { big = big * i; }
print("30! =", big);
""")

sample("recursion")("""
fn fib(n) {
    if n < 2 { return n; }
    return fib(n - 1) + fib(n - 2);
}
fn fact(n) { if n <= 1 { return 1; } return n * fact(n - 1); }
let out = [];
for i in 0..15 { push(out, fib(i)); }
print(out);
print(fact(25));
fn ackermann(m, n) {
    if m == 0 { return n + 1; }
    if n == 0 { return ackermann(m - 1, 1); }
    return ackermann(m - 1, ackermann(m, n - 1));
}
print("ackermann(2, 3) =", ackermann(2, 3));
""")

sample("closures")("""
fn make_counter(start) {
    let count = start;
    return fn() { count = count + 1; return count; };
}
let a = make_counter(0);
let b = make_counter(100);
a(); a();
print(a(), b(), a(), b());
fn adder(n) { return fn(x) { return x + n; }; }
let adders = [];
for i in 1..4 { push(adders, adder(i * 10)); }
let results = [];
for f in adders { push(results, f(1)); }
print(results);
fn compose(f, g) { return fn(x) { return f(g(x)); }; }
let inc_then_double = compose(fn(x) { return x * 2; }, fn(x) { return x + 1; });
print(inc_then_double(5));
""")

sample("lists and maps")("""
let text = "the cat and the dog and the bird";
let words = [];
let word = "";
for ch in text + " " {
    if ch == " " {
        if len(word) > 0 { push(words, word); }
        word = "";
    } else {
        word += ch;
    }
}
let counts = {};
for w in words {
    if type(counts) == "map" and len(keys(counts)) >= 0 {
        let seen = false;
        for k in keys(counts) { if k == w { seen = true; } }
        if seen { counts[w] += 1; } else { counts[w] = 1; }
    }
}
print(counts);
let pairs = [];
for k in keys(counts) { push(pairs, [0 - counts[k], k]); }
for p in sorted(pairs) { print(format("{} x{}", p[1], 0 - p[0])); }
let m = {"nested": {"list": [1, [2, 3]], "n": nil}};
print(m.nested.list[1][0], m["nested"].n, len(m.nested));
m.nested.list[1][1] = "changed";
print(m);
""")

sample("higher-order functions")("""
fn map(f, xs) { let out = []; for x in xs { push(out, f(x)); } return out; }
fn filter(p, xs) { let out = []; for x in xs { if p(x) { push(out, x); } } return out; }
fn reduce(f, acc, xs) { for x in xs { acc = f(acc, x); } return acc; }
let nums = 1..11;
let squares = map(fn(x) { return x * x; }, nums);
let evens = filter(fn(x) { return x % 2 == 0; }, squares);
print(squares);
print(evens, reduce(fn(a, b) { return a + b; }, 0, evens));
print(sorted(["pear", "fig", "banana", "kiwi"], fn(s) { return len(s); }));
""")

sample("quicksort")("""
fn quicksort(xs) {
    if len(xs) <= 1 { return xs; }
    let pivot = xs[0];
    let less = []; let more = [];
    let i = 1;
    while i < len(xs) {
        if xs[i] < pivot { push(less, xs[i]); } else { push(more, xs[i]); }
        i += 1;
    }
    return quicksort(less) + [pivot] + quicksort(more);
}
print(quicksort([33, 4, 15, 8, 42, 16, 23, 4, 1]));
print(quicksort(["delta", "alpha", "charlie", "bravo"]));
""")

sample("loops with break and continue")("""
let found = nil;
let n = 0;
while true {
    n += 1;
    if n % 7 != 0 { continue; }
    if n % 5 == 0 { found = n; break; }
}
print("first multiple of 35:", found);
let primes = [];
for k in 2..40 {
    let prime = true;
    for d in 2..k { if k % d == 0 { prime = false; break; } }
    if prime { push(primes, k); }
}
print(primes);
""")

sample("exceptions")("""
fn safe_div(a, b) {
    try { return a / b; } catch (e) { print("caught:", e.error, "on line", e.line); return nil; }
}
print(safe_div(10, 4), safe_div(1, 0));
fn check(v) { if v < 0 { throw {"code": 400, "msg": "negative: " + v}; } return v; }
try { check(5); check(-3); print("not reached"); } catch (err) { print(err.code, err.msg); }
try { throw "plain string"; } catch (s) { print("thrown:", s); }
try { let m = {}; print(m.missing); } catch (e) { print(e.error); }
try { undefined_function(); } catch (e) { print(e.error); }
try { [1, 2][5]; } catch (e) { print(e.error); }
""")

sample("uncaught runtime error")("""
let data = [1, 2, 3];
print("before");
let total = 0;
for x in data { total += x; }
print(total + nil);
print("never");
""")

sample("uncaught throw")("""
fn fail() { throw ["a", "list", 3]; }
print("calling");
fail();
""")

sample("runaway recursion")("""
fn down(n) { return down(n + 1); }
down(0);
""")

sample("syntax error")("""
let x = 1;
if x > 0 {
    print("ok";
}
""")

sample("lexical error")("""
let s = "fine";
let t = s @ 2;
""")

sample("unterminated string")('let s = "no end;\n')

sample("arity errors")("""
fn two(a, b) { return a; }
try { two(1); } catch (e) { print(e.error); }
try { len(1, 2); } catch (e) { print(e.error); }
try { format("{} {}", 1); } catch (e) { print(e.error); }
try { let n = 5; n(); } catch (e) { print(e.error); }
try { sorted([1, "a"]); } catch (e) { print(e.error); }
try { print(-"x"); } catch (e) { print(e.error); }
try { print([1] < [2]); } catch (e) { print(e.error); }
let twice = 1;
let twice = 2;
""")
