# Random str.format / format_map templates (fixed-seed generator) built from
# pieces of the field syntax: fields, conversions, nested specs, escapes and
# every kind of malformed brace.
seed = 5
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 12) % n
PIECES = ['{', '}', '{{', '}}', '{}', '{0}', '{1}', '{a}', '{0!r}', '{!s}', '{0:>5}', '{:{}}', '{0[0]}',
          '{a.b}', '{0:{1}}', '!', ':', '[', ']', '.', 'x', 'é', ' ', '0', 'a', '{0.args}', '{:^{w}.{p}}',
          '{!a:*<6}', '{[1]}', '{0!}', '{:%}', '{:,}', '{{0}}', '{0:{a}}']
class NS:
    args = ('q',)
for i in range(800):
    t = ''.join(PIECES[rnd(len(PIECES))] for _ in range(rnd(5) + 1))
    try:
        r = repr(t.format('xy', 'é', 3.5, a='A', w=7, p=2))
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    try:
        m = repr(t.format_map({'a': 'M', 'w': 4, 'p': 1}))
    except Exception as e:
        m = type(e).__name__ + ': ' + str(e)
    print(i, repr(t), r, m)
