# More than 15 exceptions: the box shows 15 and "and N more exceptions".
def main():
    raise ExceptionGroup("many", [ValueError(i) for i in range(20)] + [ExceptionGroup("last", [TypeError()])])


try:
    main()
except ExceptionGroup as e:
    print(len(e.exceptions), str(e))
    saved = e
raise saved
