x = f'{a:{b}.{c}f} {d!a} {{literal}} {e!s:^10}'
