ﬁ = 1
Ångström = ﬁ
ℌ = Ⅷ
