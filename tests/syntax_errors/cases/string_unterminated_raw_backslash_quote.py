r'abc\'
