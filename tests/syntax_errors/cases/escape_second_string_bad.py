x = ('ok'
     'bad \x1')
