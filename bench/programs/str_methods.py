"""str_methods: splitting, searching, replacing and case-mapping text.

A deterministic document of PARAGRAPHS paragraphs (ASCII words mixed with
accented, Greek and CJK ones, punctuation, tabs and blank lines) is
processed the way text utilities do: splitlines, strip, split on
whitespace and on a separator, find/count/startswith, replace, lower/upper/
title, center/ljust, partition, join, and a translate table. Exercises
str's search (byte search on UTF-8 in krait), its whitespace and line
boundary rules, and case mapping outside ASCII.

Check: counts computed while generating the document (words, lines,
occurrences of a marker) must match what the methods find, and a
case-mapping round trip of every word must give back the lower-case word.
"""
from _harness import main, expect

PARAGRAPHS = 600
WORDS = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'café', 'naïve', 'straße', 'Ωmega', 'λόγος',
         '日本語', 'テキスト', 'déjà', 'vu', 'MARKER', 'end.', 'tab\tbed', 'x']


def generate():
    state = 99
    paragraphs = []
    nwords = nmarkers = nlines = 0
    for p in range(PARAGRAPHS):
        lines = []
        for _ in range(3 + p % 4):
            words = []
            state = (state * 1103515245 + 12345) % 2147483648
            for _ in range(6 + (state >> 16) % 10):
                state = (state * 1103515245 + 12345) % 2147483648
                w = WORDS[(state >> 16) % len(WORDS)]
                words.append(w)
                nwords += len(w.split())
                nmarkers += w == 'MARKER'
            lines.append('  ' + ' '.join(words) + '  ')
            nlines += 1
        paragraphs.append('\n'.join(lines))
    return '\n\n'.join(paragraphs), nwords, nmarkers, nlines


TEXT, NWORDS, NMARKERS, NLINES = generate()
TABLE = str.maketrans({'é': 'e', 'ï': 'i', 'ß': 'ss', '\t': ' '})


def process(text):
    words = lines = markers = 0
    folded = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        lines += 1
        parts = line.split()
        words += len(parts)
        markers += line.count('MARKER')
        head, sep, tail = line.partition(' ')
        if line.startswith('MARKER') or line.find('日本') >= 0:
            line = line.replace('MARKER', '<m>').title()
        folded.append(line.lower().translate(TABLE).center(100, '.'))
        for w in parts:
            if w.upper().lower() != w.lower():
                folded.append('!' + w)
    joined = '|'.join(folded)
    return words, lines, markers, len(joined), joined.count('<m>'), len(joined.split('|'))


def run():
    return process(TEXT)


def check(result):
    words, lines, markers, length, tagged, pieces = result
    expect(words == NWORDS, '%d words, want %d', words, NWORDS)
    expect(lines == NLINES, '%d lines, want %d', lines, NLINES)
    expect(markers == NMARKERS, '%d markers, want %d', markers, NMARKERS)
    expect(pieces >= lines and tagged <= markers, '%d pieces, %d tagged', pieces, tagged)


if __name__ == '__main__':
    main('str_methods', run, check)
