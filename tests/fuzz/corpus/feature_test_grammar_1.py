self.assertEqual([(i, s) for i in nums for s in strs],
                 [(1, 'Apple'), (1, 'Banana'), (1, 'Coconut'),
                  (2, 'Apple'), (2, 'Banana'), (2, 'Coconut'),
                  (3, 'Apple'), (3, 'Banana'), (3, 'Coconut'),
                  (4, 'Apple'), (4, 'Banana'), (4, 'Coconut'),
                  (5, 'Apple'), (5, 'Banana'), (5, 'Coconut')])
