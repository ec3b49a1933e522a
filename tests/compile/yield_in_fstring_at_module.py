x = f"{(yield)}"
