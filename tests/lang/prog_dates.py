MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    return [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
def ordinal(y, m, d):
    """Days since 0001-01-01 (day 1)."""
    y1 = y - 1
    days = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400
    days += sum(days_in_month(y, k) for k in range(1, m))
    return days + d
def from_ordinal(n):
    y = 1
    while True:
        length = 366 if is_leap(y) else 365
        if n <= length:
            break
        n -= length
        y += 1
        if y % 400 == 1 and n > 146097:
            q = (n - 1) // 146097
            y += 400 * q
            n -= 146097 * q
    m = 1
    while n > days_in_month(y, m):
        n -= days_in_month(y, m)
        m += 1
    return y, m, n
def weekday(y, m, d):
    return DAYS[(ordinal(y, m, d) - 1) % 7]
print([y for y in (1900, 2000, 2023, 2024, 2100, 2400) if is_leap(y)])
for date in ((1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (1969, 7, 20), (2038, 1, 19)):
    print(date, weekday(*date), ordinal(*date))
print(ordinal(2024, 12, 25) - ordinal(2024, 1, 1), from_ordinal(ordinal(2024, 3, 1)), from_ordinal(738000))
print(all(from_ordinal(ordinal(y, m, 1)) == (y, m, 1) for y in (1, 4, 100, 1600, 1999, 2000) for m in range(1, 13)))
def calendar(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), "Mo Tu We Th Fr Sa Su"]
    first = (ordinal(y, m, 1) - 1) % 7
    cells = ["  "] * first + [f"{d:2d}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print(calendar(2024, 2))
print(calendar(2023, 10))
