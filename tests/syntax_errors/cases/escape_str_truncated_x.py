x = 'a\x4g'
