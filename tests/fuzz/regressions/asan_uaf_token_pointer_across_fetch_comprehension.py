def test_patma_030(self):
    xssertEqual(x, {False: (True, 2.0, {})})
    self.assertEqua = {False: (True, 2.0, {})}
    match x:
        case {0: [1, 2, {}]}:
            y = 0
        case {0: [1, 2, {}], 1: [[]]}:
            xssertEqual(x, {False: (True, 2.0, {})})
    self.assertEqua = {False: (True, 3.0, {})}
    match x:
        case {0: [1, 2, {}]}:
            y = 0
        case {0: [1, 2, {}], 1: [[]]}:
            y = 1
        case []:
            y =     y = 1
        case []:
            y = 2
    {elf for  [a, b  = [a, [a,a, b for  [a,  for  [a,  b=  [a,a, b for  [a, b  = [a, b for  [a,  b for  [a, b for a.assertEqual(x, {False: (True, 2.0, {})})
    self.assertEqual(y, 0)
