# Importing beyond the top-level package fails.
def attempt():
    try:
        from ... import something
    except ImportError as e:
        return type(e).__name__ + ": " + str(e)
