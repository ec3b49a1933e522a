# A package that does not import its submodule: it appears as an attribute only once imported.
MARK = "pkg_lazy"
