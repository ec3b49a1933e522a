def describe():
    return f"mainguard.__name__ is {__name__!r}"

if __name__ == "__main__":
    print("lib.mainguard run as a script")
else:
    print("lib.mainguard imported as", __name__)
