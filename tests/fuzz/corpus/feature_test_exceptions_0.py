def test_attributes(self):
    # Setting 'name' and 'path' should not be a problem.
    exc = ImportError('test')
    self.assertIsNone(exc.name)
    self.assertIsNone(exc.path)

    exc = ImportError('test', name='somemodule')
    self.assertEqual(exc.name, 'somemodule')
    self.assertIsNone(exc.path)

    exc = ImportError('test', path='somepath')
    self.assertEqual(exc.path, 'somepath')
    self.assertIsNone(exc.name)

    exc = ImportError('test', path='somepath', name='somename')
    self.assertEqual(exc.name, 'somename')
    self.assertEqual(exc.path, 'somepath')

    msg = "'invalid' is an invalid keyword argument for ImportError"
    with self.assertRaisesRegex(TypeError, msg):
        ImportError('test', invalid='keyword')

    with self.assertRaisesRegex(TypeError, msg):
        ImportError('test', name='name', invalid='keyword')

    with self.assertRaisesRegex(TypeError, msg):
        ImportError('test', path='path', invalid='keyword')

    with self.assertRaisesRegex(TypeError, msg):
        ImportError(invalid='keyword')

    with self.assertRaisesRegex(TypeError, msg):
        ImportError('test', invalid='keyword', another=True)
