f = lambda x=(yield): 1
