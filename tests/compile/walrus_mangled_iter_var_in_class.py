class C:
    [[(__p := 1) for y in z] for __p in w]
