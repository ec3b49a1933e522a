x = Rf'{a}\n' fR'b' u'd' F'e'
y = rb'\x' Br'c' RB'd' bR'e'
