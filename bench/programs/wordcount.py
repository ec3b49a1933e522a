"""wordcount: counting words and word pairs in generated text with dicts.

A deterministic text of LINES lines is built from a 500-word vocabulary
(words drawn with a Zipf-like skew by a small LCG, written in mixed case,
with punctuation attached). The count lowercases each line, splits it,
strips punctuation from each word, counts words and adjacent word pairs in
dicts (d[w] = d.get(w, 0) + 1), then ranks the words. str methods, dict
lookups and inserts with string keys, string concatenation, sorting with a
key.

Check: the generator tallies each word by its index in a list (no dicts, no
string processing), and the word counts must equal that tally exactly; the
pair count must be the number of adjacent pairs written; the top ten must be
the top ten of the tally.
"""
from _harness import main, expect

LINES = 25000
VOCABULARY_SIZE = 500
PUNCTUATION = '.,;:!?"()'


def make_vocabulary():
    consonants, vowels = 'bcdfghjklmnprstvz', 'aeiou'
    words = []
    i = 0
    while len(words) < VOCABULARY_SIZE:
        n, word = i, ''
        for _ in range(2 + i % 3):
            word += consonants[n % 17] + vowels[(n // 17) % 5]
            n //= 85
        if word not in words:
            words.append(word)
        i += 7
    return words


def generate():
    words = make_vocabulary()
    tally = [0] * VOCABULARY_SIZE
    pairs = 0
    state = 12345
    lines = []
    for _ in range(LINES):
        line = []
        state = (state * 1103515245 + 12345) % 2147483648
        length = 5 + (state >> 16) % 12
        for position in range(length):
            state = (state * 1103515245 + 12345) % 2147483648
            r = (state >> 8) % 10000
            index = (r * r // 10000) * VOCABULARY_SIZE // 10000   # skewed to small indices
            tally[index] += 1
            word = words[index]
            style = (state >> 4) % 7
            if style == 0:
                word = word.upper()
            elif style == 1:
                word = word.capitalize()
            if (state >> 2) % 5 == 0:
                word += PUNCTUATION[(state >> 12) % len(PUNCTUATION)]
            if (state >> 3) % 11 == 0:
                word = '(' + word
            line.append(word)
        pairs += length - 1
        lines.append(' '.join(line))
    return words, '\n'.join(lines), tally, pairs


WORDS, TEXT, TALLY, PAIRS = generate()


def count(text):
    words, pairs = {}, {}
    for line in text.split('\n'):
        previous = None
        for token in line.lower().split():
            word = token.strip(PUNCTUATION)
            words[word] = words.get(word, 0) + 1
            if previous is not None:
                pair = previous + ' ' + word
                pairs[pair] = pairs.get(pair, 0) + 1
            previous = word
    ranking = sorted(words.items(), key=lambda item: (-item[1], item[0]))
    return words, pairs, ranking[:10]


def run():
    return count(TEXT)


def check(result):
    words, pairs, top = result
    expect(len(words) == sum(1 for t in TALLY if t), '%d distinct words', len(words))
    for index, n in enumerate(TALLY):
        if n:
            expect(words.get(WORDS[index]) == n, '%r counted %r times, written %d times',
                   WORDS[index], words.get(WORDS[index]), n)
    expect(sum(pairs.values()) == PAIRS, '%d pairs counted, %d written', sum(pairs.values()), PAIRS)
    want = sorted(((-n, WORDS[i]) for i, n in enumerate(TALLY) if n))[:10]
    expect([(w, n) for w, n in top] == [(w, -n) for n, w in want], 'top ten %r', top)


if __name__ == '__main__':
    main('wordcount', run, check)
