try:
    pass
except* ValueError as e:
    x = e
else:
    y = 1
finally:
    z = 2
