class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.account = account
        self.amount = amount

class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance})"

class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        return self.deposit(interest)

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, *args, **kw):
        acct = cls(*args, **kw)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            return f"transfer failed: {e}"
        self.accounts[dst].deposit(amount)
        return f"moved {amount} from #{src} to #{dst}"
    def total(self):
        return sum(a.balance for a in self.accounts.values())
    def report(self):
        for acct in sorted(self.accounts.values(), key=lambda a: (-a.balance, a.owner)):
            kind = type(acct).__name__
            print(f"  {acct.id:>3} {acct.owner:<8} {kind:<15} {acct.balance:>10.2f}")

bank = Bank()
a = bank.open(Account, "alice", 100)
b = bank.open(SavingsAccount, "bob", 1000, rate=0.05)
c = bank.open(Account, "carol")
print(bank.transfer(a.id, c.id, 30))
print(bank.transfer(c.id, a.id, 50))
print(bank.transfer(b.id, a.id, 250))
b.add_interest()
a.deposit(0.5).withdraw(20)
try:
    c.deposit(-5)
except ValueError as e:
    print(type(e).__name__, e)
bank.report()
print("total", round(bank.total(), 2))
print(a.history, b.history)
print([repr(x) for x in bank.accounts.values()])
try:
    a.balance = 10
except AttributeError as e:
    print(type(e).__name__, e)
