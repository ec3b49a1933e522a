while 0:
    return
