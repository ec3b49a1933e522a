def test_eval_str_u(self):
    self.assertEqual(eval(""" u'x' """), 'x')
    self.assertEqual(eval(""" U'\u00e4' """), 'ä')
    self.assertEqual(eval(""" u'\N{LATIN SMALL LETTER A WITH DIAERESIS}' """), 'ä')
    self.assertRaises(SyntaxError, eval, """ ur'' """)
    self.assertRaises(SyntaxError, eval, """ ru'' """)
    self.assertRaises(SyntaxError, eval, """ bu'' """)
    self.assertRaises(SyntaxError, eval, """ ub'' """)
