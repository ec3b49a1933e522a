try:
    pass
except* (A, B) as e:
    pass
else:
    pass
finally:
    pass
