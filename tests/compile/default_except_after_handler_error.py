try:
    pass
except:
    return
except ValueError:
    pass
