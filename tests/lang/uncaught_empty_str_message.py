print("an exception whose message is empty")
raise KeyError("")
