import no_such_dependency_xyz  # makes `from lib import missing_dep` fail deeper
