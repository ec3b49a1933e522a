try:
    pass
except* E:
    with a:
        break
