x = f'''
{
(yield)}'''
