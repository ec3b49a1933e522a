raise ValueError("line one\nline two\nlast line of the message")
