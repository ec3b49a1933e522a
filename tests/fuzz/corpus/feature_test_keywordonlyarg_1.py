def testRaiseErrorFuncallWithUnexpectedKeywordArgument(self):
    self.assertRaises(TypeError, keywordonly_sum, ())
    self.assertRaises(TypeError, keywordonly_nodefaults_sum, ())
    self.assertRaises(TypeError, Foo, ())
    try:
        keywordonly_sum(k2=100, non_existing_arg=200)
        self.fail("should raise TypeError")
    except TypeError:
        pass
    try:
        keywordonly_nodefaults_sum(k2=2)
        self.fail("should raise TypeError")
    except TypeError:
        pass
