import a.b as __debug__
