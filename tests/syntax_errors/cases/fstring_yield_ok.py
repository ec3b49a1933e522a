def g():
    x = f'{yield}'
