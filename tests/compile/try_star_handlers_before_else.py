try:
    pass
except* E:
    yield
else:
    return
