def test_hex_baseline(self):
    # A few upper/lowercase tests
    self.assertEqual(0x0, 0X0)
    self.assertEqual(0x1, 0X1)
    self.assertEqual(0x123456789abcdef, 0X123456789abcdef)
    # Baseline tests
    self.assertEqual(0x0, 0)
    self.assertEqual(0x10, 16)
    self.assertEqual(0x7fffffff, 2147483647)
    self.assertEqual(0x7fffffffffffffff, 9223372036854775807)
    # Ditto with a minus sign and parentheses
    self.assertEqual(-(0x0), 0)
    self.assertEqual(-(0x10), -16)
    self.assertEqual(-(0x7fffffff), -2147483647)
    self.assertEqual(-(0x7fffffffffffffff), -9223372036854775807)
    # Ditto with a minus sign and NO parentheses
    self.assertEqual(-0x0, 0)
    self.assertEqual(-0x10, -16)
    self.assertEqual(-0x7fffffff, -2147483647)
    self.assertEqual(-0x7fffffffffffffff, -9223372036854775807)
