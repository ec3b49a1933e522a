def test_oct_unsigned(self):
    # Positive constants
    self.assertEqual(0o20000000000, 2147483648)
    self.assertEqual(0o37777777777, 4294967295)
    # Ditto with a minus sign and parentheses
    self.assertEqual(-(0o20000000000), -2147483648)
    self.assertEqual(-(0o37777777777), -4294967295)
    # Ditto with a minus sign and NO parentheses
    # This failed in Python 2.2 through 2.2.2 and in 2.3a1
    self.assertEqual(-0o20000000000, -2147483648)
    self.assertEqual(-0o37777777777, -4294967295)

    # Positive constants
    self.assertEqual(0o1000000000000000000000, 9223372036854775808)
    self.assertEqual(0o1777777777777777777777, 18446744073709551615)
    # Ditto with a minus sign and parentheses
    self.assertEqual(-(0o1000000000000000000000), -9223372036854775808)
    self.assertEqual(-(0o1777777777777777777777), -18446744073709551615)
    # Ditto with a minus sign and NO parentheses
    # This failed in Python 2.2 through 2.2.2 and in 2.3a1
    self.assertEqual(-0o1000000000000000000000, -9223372036854775808)
    self.assertEqual(-0o1777777777777777777777, -18446744073709551615)
