print("about to raise KeyboardInterrupt")
raise KeyboardInterrupt
