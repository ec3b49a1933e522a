try:
    {}["missing"]
except KeyError:
    print("handling")
    [][3]
