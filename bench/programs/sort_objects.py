"""sort_objects: sorting a list of objects every way list.sort allows.

ITEMS Employee objects (name, department, salary, age, id) from an LCG are
sorted: by operator.attrgetter, by a lambda returning a tuple, by the
class's own __lt__ (a Python method called for every comparison), with
functools.cmp_to_key and a three-way comparison function, in reverse, and
twice in a row to rely on stability (by age, then by department). Timsort
calling back into Python code: key functions, rich comparison, tuple
comparison.

Check: each result is a permutation of the input (the ids), adjacent items
are in order under the key that was asked for, and the stable two-pass sort
leaves equal departments in age order; every comparison is recomputed from
the attributes, not from the keys the sort used. Later iterations must
produce the orders the first one verified.
"""
import functools
import operator

from _harness import main, expect

ITEMS = 40000
DEPARTMENTS = ['sales', 'engineering', 'support', 'legal', 'finance', 'research', 'hr']


class Employee:
    __slots__ = ('id', 'name', 'department', 'salary', 'age')

    def __init__(self, id, name, department, salary, age):
        self.id = id
        self.name = name
        self.department = department
        self.salary = salary
        self.age = age

    def __lt__(self, other):
        if self.salary != other.salary:
            return self.salary < other.salary
        return self.id < other.id


def make_staff():
    staff = []
    state = 2024
    for i in range(ITEMS):
        state = (state * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        staff.append(Employee(i, 'emp%05d' % ((state >> 20) % 100000),
                              DEPARTMENTS[(state >> 40) % len(DEPARTMENTS)],
                              30000 + (state >> 8) % 90000 // 100 * 100, 20 + (state >> 50) % 45))
    return staff


STAFF = make_staff()


def compare(a, b):
    """Department ascending, then age descending, then id."""
    if a.department != b.department:
        return -1 if a.department < b.department else 1
    if a.age != b.age:
        return -1 if a.age > b.age else 1
    return (a.id > b.id) - (a.id < b.id)


def run():
    by_salary = sorted(STAFF, key=operator.attrgetter('salary'))
    by_tuple = sorted(STAFF, key=lambda e: (e.department, -e.salary, e.name))
    by_lt = sorted(STAFF)
    by_cmp = sorted(STAFF, key=functools.cmp_to_key(compare))
    by_age_reversed = sorted(STAFF, key=lambda e: e.age, reverse=True)
    stable = sorted(STAFF, key=lambda e: e.age)
    stable.sort(key=lambda e: e.department)
    return by_salary, by_tuple, by_lt, by_cmp, by_age_reversed, stable


def in_order(items, before_or_equal, what):
    expect(sorted(e.id for e in items) == list(range(ITEMS)), '%s is not a permutation', what)
    for a, b in zip(items, items[1:]):
        expect(before_or_equal(a, b), '%s: %d and %d are out of order', what, a.id, b.id)


VERIFIED = []


def check(result):
    orders = [[e.id for e in items] for items in result]
    if VERIFIED:
        expect(orders == VERIFIED[0], 'this iteration sorted differently from the first')
        return
    by_salary, by_tuple, by_lt, by_cmp, by_age_reversed, stable = result
    in_order(by_salary, lambda a, b: a.salary < b.salary or
             (a.salary == b.salary and a.id < b.id), 'by salary (stable)')
    in_order(by_tuple, lambda a, b: a.department < b.department or (
        a.department == b.department and (a.salary > b.salary or (
            a.salary == b.salary and a.name <= b.name))), 'by (department, -salary, name)')
    in_order(by_lt, lambda a, b: a.salary < b.salary or (a.salary == b.salary and a.id < b.id),
             'by __lt__')
    in_order(by_cmp, lambda a, b: compare(a, b) < 0, 'by cmp_to_key')
    in_order(by_age_reversed, lambda a, b: a.age > b.age or (a.age == b.age and a.id < b.id),
             'by age, reversed (stable)')
    in_order(stable, lambda a, b: a.department < b.department or (
        a.department == b.department and (a.age < b.age or (a.age == b.age and a.id < b.id))),
        'by department after age (stable)')
    VERIFIED.append(orders)


if __name__ == '__main__':
    main('sort_objects', run, check)
