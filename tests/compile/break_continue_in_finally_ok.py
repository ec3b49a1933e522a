for x in y:
    try:
        pass
    finally:
        if x:
            break
        continue
