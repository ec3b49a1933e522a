try:
    raise ValueError("with notes")
except ValueError as e:
    e.add_note("first note")
    e.add_note("second note")
    print(e.__notes__)
    raise
