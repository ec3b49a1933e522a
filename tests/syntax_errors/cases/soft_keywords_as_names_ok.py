match = 1
case = 2
_ = match + case
match.x = case
print(match, case, _)
