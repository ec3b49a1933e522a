self.assertAllRaise(SyntaxError, "f-string: expression required before '!'",
                    ["f'{!r}'",
                     "f'{ !r}'",
                     "f'{!}'",
                     "f'''{\t\f\r\n!a}'''",

                     # Catch empty expression before the
                     #  missing closing brace.
                     "f'{!'",
                     "f'{!s:'",

                     # Catch empty expression before the
                     #  invalid conversion.
                     "f'{!x}'",
                     "f'{ !xr}'",
                     "f'{!x:}'",
                     "f'{!x:a}'",
                     "f'{ !xr:}'",
                     "f'{ !xr:a}'",
                     ])
