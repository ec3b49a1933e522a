print("defining the class")
class Broken:
    ok = 1
    bad = ok + "text"
