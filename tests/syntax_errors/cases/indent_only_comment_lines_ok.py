if 1:
    x
        # deeper comment
  # shallower comment
    y
