# Since 3.10 the traceback adds "Did you mean" suggestions (not part of str(e)).
counter_value = 10
try:
    print(counter_valu)
except NameError as e:
    print("str(e) has no suggestion:", e)
print(counter_valu)
