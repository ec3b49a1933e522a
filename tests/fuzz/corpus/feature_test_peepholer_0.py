def test_folding_of_tuples_of_constants(self):
    for line, elem in (
        ('a = 1,2,3', (1, 2, 3)),
        ('("a","b","c")', ('a', 'b', 'c')),
        ('a,b,c = 1,2,3', (1, 2, 3)),
        ('(None, 1, None)', (None, 1, None)),
        ('((1, 2), 3, 4)', ((1, 2), 3, 4)),
        ):
        with self.subTest(line=line):
            code = compile(line,'','single')
            self.assertInBytecode(code, 'LOAD_CONST', elem)
            self.assertNotInBytecode(code, 'BUILD_TUPLE')
            self.check_lnotab(code)

    # Long tuples should be folded too.
    code = compile(repr(tuple(range(10000))),'','single')
    self.assertNotInBytecode(code, 'BUILD_TUPLE')
    # One LOAD_CONST for the tuple, one for the None return value
    load_consts = [instr for instr in dis.get_instructions(code)
                          if instr.opname == 'LOAD_CONST']
    self.assertEqual(len(load_consts), 2)
    self.check_lnotab(code)

    # Bug 1053819:  Tuple of constants misidentified when presented with:
    # . . . opcode_with_arg 100   unary_opcode   BUILD_TUPLE 1  . . .
    # The following would segfault upon compilation
    def crater():
        (~[
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
        ],)
    self.check_lnotab(crater)
