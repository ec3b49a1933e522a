x = 'a' f'{b}' 'c' f'd{e}f'
