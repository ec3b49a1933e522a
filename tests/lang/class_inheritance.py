class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (squeaky)"

class Cat(Animal):
    sound = "meow"
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives

for a in (Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom")):
    print(a.speak(), a.kind())
print(Cat("c").lives)
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Dog, Dog))
print(issubclass(Puppy, (Cat, Dog)), isinstance(Puppy("x"), (int, Dog)))
print(Puppy.__mro__)
print(Puppy.__base__, Animal.__base__)
print([c.__name__ for c in Animal.__subclasses__()])
print(Dog.__dict__["sound"], "speak" in Dog.__dict__, "speak" in Puppy.__dict__)

# overriding attributes on the instance vs class
d = Dog("d")
d.sound = "bark"
print(d.speak(), Dog("e").speak())

# inheriting from builtins
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__, isinstance(ml, list))
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), md)
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
mi = MyInt(5)
print(mi, mi + 1, type(mi + 1).__name__, mi * 2)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hey").shout(), MyStr("a") + "b", type(MyStr("a") + "b").__name__)
