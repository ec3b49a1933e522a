"""regex_scan: scanning a generated server log with regular expressions.

A deterministic log of LINES lines (timestamps, levels, worker names, e-mail
addresses, IPv4 addresses, durations, HTTP requests with query strings) is
scanned with compiled patterns: findall for addresses, a grouped match per
line for the header fields, finditer over key=value pairs, a case-insensitive
search, re.split, and re.sub with a function replacement that masks e-mail
addresses. The re module's matcher, match objects and string building.

Check: the generator tallies what it writes (lines per level, addresses,
total duration, parameters), and every count the patterns extract must equal
the generator's tally; the masked text must equal the text the generator
produced with the masks already in place.
"""
import re

from _harness import main, expect

LINES = 8000
LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR']
USERS = ['alice', 'bob', 'carol.smith', 'dave_99', 'eve-x']
DOMAINS = ['example.com', 'mail.example.org', 'krait.dev']
PATHS = ['/api/v1/items', '/api/v1/users', '/static/app.js', '/login', '/search']

HEADER = re.compile(r'^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) (DEBUG|INFO|WARNING|ERROR) '
                    r'\[worker-(\d+)\]', re.M)
EMAIL = re.compile(r'\b[\w.-]+@[\w-]+(?:\.[\w-]+)+\b')
IPV4 = re.compile(r'\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b')
DURATION = re.compile(r'took (\d+)ms')
PARAM = re.compile(r'[?&](\w+)=([^&\s]*)')
FAILURE = re.compile(r'fail(?:ed|ure)', re.I)
SEPARATORS = re.compile(r'[\s,;]+')


class Lcg:
    """A small deterministic generator, independent of the random module."""

    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % n


def generate():
    rng = Lcg(7)
    lines, masked = [], []
    tally = {'levels': dict.fromkeys(LEVELS, 0), 'emails': 0, 'ips': 0, 'duration': 0,
             'params': 0, 'failures': 0, 'fields': 0}
    for i in range(LINES):
        level = LEVELS[rng.next(4)]
        tally['levels'][level] += 1
        head = '2023-%02d-%02d %02d:%02d:%02d %s [worker-%d]' % (
            rng.next(12) + 1, rng.next(28) + 1, rng.next(24), rng.next(60), rng.next(60), level,
            rng.next(16))
        email = '%s@%s' % (USERS[rng.next(5)], DOMAINS[rng.next(3)])
        ip = '%d.%d.%d.%d' % (rng.next(256), rng.next(256), rng.next(256), rng.next(256))
        ms = rng.next(5000)
        params = '&'.join('p%d=%d' % (j, rng.next(100)) for j in range(rng.next(4)))
        path = PATHS[rng.next(5)] + ('?' + params if params else '')
        tally['params'] += params.count('=')
        status = 'Failed' if level == 'ERROR' and rng.next(2) else 'ok'
        tally['failures'] += status == 'Failed'
        tail = ' from %s took %dms GET %s, %s; status=%s' % (ip, ms, path, 'x' * rng.next(3),
                                                             status)
        tally['emails'] += 1
        tally['ips'] += 1
        tally['duration'] += ms
        lines.append(head + ' user ' + email + tail)
        masked.append(head + ' user ' + '<%s>' % email.split('@')[1] + tail)
        tally['fields'] += len(lines[-1].replace(',', ' ').replace(';', ' ').split())
    return '\n'.join(lines), '\n'.join(masked), tally


TEXT, MASKED, TALLY = generate()


def mask(match):
    return '<%s>' % match.group(0).split('@')[1]


def run():
    levels = dict.fromkeys(LEVELS, 0)
    workers = set()
    for m in HEADER.finditer(TEXT):
        levels[m.group(7)] += 1
        workers.add(int(m.group(8)))
    emails = len(EMAIL.findall(TEXT))
    ips = len(IPV4.findall(TEXT))
    duration = sum(int(ms) for ms in DURATION.findall(TEXT))
    params = sum(1 for _ in PARAM.finditer(TEXT))
    failures = sum(1 for line in TEXT.split('\n') if FAILURE.search(line))
    fields = sum(len(SEPARATORS.split(line.strip())) for line in TEXT.split('\n'))
    masked = EMAIL.sub(mask, TEXT)
    return {'levels': levels, 'emails': emails, 'ips': ips, 'duration': duration,
            'params': params, 'failures': failures, 'fields': fields}, masked, workers


def check(result):
    counts, masked, workers = result
    for key in TALLY:
        expect(counts[key] == TALLY[key], '%s: found %r, the generator wrote %r',
               key, counts[key], TALLY[key])
    expect(masked == MASKED, 'the masked text differs from the generated one')
    expect(workers <= set(range(16)) and len(workers) > 8, 'workers %r', sorted(workers))


if __name__ == '__main__':
    main('regex_scan', run, check)
