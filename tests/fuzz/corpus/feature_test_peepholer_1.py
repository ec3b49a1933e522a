def test_elim_extra_return(self):
    # RETURN LOAD_CONST None RETURN  -->  RETURN
    def f(x):
        return x
    self.assertNotInBytecode(f, 'LOAD_CONST', None)
    returns = [instr for instr in dis.get_instructions(f)
                      if instr.opname == 'RETURN_VALUE']
    self.assertEqual(len(returns), 1)
    self.check_lnotab(f)
