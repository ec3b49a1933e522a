"""oo_bank: a method-call-heavy object-oriented simulation of a bank.

CUSTOMERS customers, each with a checking and a savings account, act for
STEPS days. Every customer owns a strategy object (Spender, Saver, Trader)
whose decide() returns Action objects (Deposit, Withdraw, Transfer) that the
Bank applies. Accounts are a small class hierarchy: Account, with
CheckingAccount (an overdraft limit and a per-transfer fee) and
SavingsAccount (monthly interest) overriding methods and calling super();
balances are properties over integer cents; a Ledger records every posting.
Almost every line is a method call, attribute access, or property.

Check: money is conserved (all balances, the fee account included, add up to
the initial deposits plus interest plus deposits minus withdrawals, each
counted by the bank separately); every account's balance equals the replay
of its postings in the ledger; no balance is below its overdraft limit;
accepted plus refused actions equal the actions decided.
"""
from _harness import main, expect

CUSTOMERS = 60
STEPS = 1000


class Ledger:
    def __init__(self):
        self.postings = []

    def post(self, account, amount, reason):
        self.postings.append((account.number, amount, reason))

    def replay(self):
        balances = {}
        for number, amount, _ in self.postings:
            balances[number] = balances.get(number, 0) + amount
        return balances


class Account:
    next_number = 0

    def __init__(self, owner, ledger):
        Account.next_number += 1
        self.number = Account.next_number
        self.owner = owner
        self.ledger = ledger
        self._cents = 0

    @property
    def balance(self):
        return self._cents

    def floor(self):
        return 0

    def can_withdraw(self, amount):
        return self._cents - amount >= self.floor()

    def credit(self, amount, reason):
        self._cents += amount
        self.ledger.post(self, amount, reason)

    def debit(self, amount, reason):
        if not self.can_withdraw(amount):
            return False
        self._cents -= amount
        self.ledger.post(self, -amount, reason)
        return True

    def month_end(self, bank):
        pass


class CheckingAccount(Account):
    FEE = 25

    def __init__(self, owner, ledger, overdraft):
        super().__init__(owner, ledger)
        self.overdraft = overdraft

    def floor(self):
        return -self.overdraft

    def debit(self, amount, reason):
        if reason == 'transfer':
            return super().debit(amount + self.FEE, reason)
        return super().debit(amount, reason)


class SavingsAccount(Account):
    RATE_PER_MILLE = 3

    def month_end(self, bank):
        interest = self.balance * self.RATE_PER_MILLE // 1000
        if interest > 0:
            self.credit(interest, 'interest')
            bank.interest_paid += interest


class Action:
    def __init__(self, account, amount):
        self.account = account
        self.amount = amount


class Deposit(Action):
    def apply(self, bank):
        return bank.deposit(self.account, self.amount)


class Withdraw(Action):
    def apply(self, bank):
        return bank.withdraw(self.account, self.amount)


class Transfer(Action):
    def __init__(self, account, amount, target):
        super().__init__(account, amount)
        self.target = target

    def apply(self, bank):
        return bank.transfer(self.account, self.target, self.amount)


class Strategy:
    def __init__(self, seed):
        self.state = seed

    def roll(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n

    def decide(self, customer, day, others):
        raise NotImplementedError


class Spender(Strategy):
    def decide(self, customer, day, others):
        actions = [Withdraw(customer.checking, 100 + self.roll(5000))]
        if day % 7 == 0:
            actions.append(Deposit(customer.checking, 20000 + self.roll(10000)))
        return actions


class Saver(Strategy):
    def decide(self, customer, day, others):
        amount = 500 + self.roll(2000)
        return [Deposit(customer.checking, amount),
                Transfer(customer.checking, amount // 2, customer.savings)]


class Trader(Strategy):
    def decide(self, customer, day, others):
        other = others[self.roll(len(others))]
        actions = [Transfer(customer.checking, 1000 + self.roll(20000), other.checking)]
        if self.roll(3) == 0:
            actions.append(Transfer(customer.savings, self.roll(3000) + 1, customer.checking))
        return actions


class Customer:
    def __init__(self, name, bank, strategy):
        self.name = name
        self.strategy = strategy
        self.checking = bank.open(CheckingAccount(self, bank.ledger, 50000))
        self.savings = bank.open(SavingsAccount(self, bank.ledger))

    def act(self, day, bank, others):
        return [(action, action.apply(bank)) for action in
                self.strategy.decide(self, day, others)]


class Bank:
    def __init__(self):
        self.ledger = Ledger()
        self.accounts = []
        self.fees = Account('bank', self.ledger)
        self.interest_paid = self.deposited = self.withdrawn = 0
        self.accepted = self.refused = 0

    def open(self, account):
        self.accounts.append(account)
        return account

    def outcome(self, ok):
        if ok:
            self.accepted += 1
        else:
            self.refused += 1
        return ok

    def deposit(self, account, amount):
        account.credit(amount, 'deposit')
        self.deposited += amount
        return self.outcome(True)

    def withdraw(self, account, amount):
        ok = account.debit(amount, 'withdrawal')
        if ok:
            self.withdrawn += amount
        return self.outcome(ok)

    def transfer(self, source, target, amount):
        before = source.balance
        if not source.debit(amount, 'transfer'):
            return self.outcome(False)
        fee = before - source.balance - amount
        if fee:
            self.fees.credit(fee, 'fee')
        target.credit(amount, 'transfer')
        return self.outcome(True)

    def month_end(self):
        for account in self.accounts:
            account.month_end(self)

    def total(self):
        return sum(a.balance for a in self.accounts) + self.fees.balance


def simulate():
    Account.next_number = 0
    bank = Bank()
    kinds = [Spender, Saver, Trader]
    customers = [Customer('c%d' % i, bank, kinds[i % 3](i + 1)) for i in range(CUSTOMERS)]
    for c in customers:
        bank.deposit(c.checking, 100000)
        bank.deposit(c.savings, 50000)
    decided = 0
    for day in range(1, STEPS + 1):
        for c in customers:
            decided += len(c.act(day, bank, customers))
        if day % 30 == 0:
            bank.month_end()
    return bank, decided


def run():
    return simulate()


def check(result):
    bank, decided = result
    expect(bank.total() == bank.deposited - bank.withdrawn + bank.interest_paid,
           'money is not conserved: %d in the accounts, %d expected', bank.total(),
           bank.deposited - bank.withdrawn + bank.interest_paid)
    expect(bank.accepted + bank.refused == decided + 2 * CUSTOMERS,
           '%d accepted + %d refused != %d decided', bank.accepted, bank.refused, decided)
    replayed = bank.ledger.replay()
    for account in bank.accounts + [bank.fees]:
        expect(replayed.get(account.number, 0) == account.balance,
               'account %d holds %d, its postings add up to %d', account.number,
               account.balance, replayed.get(account.number, 0))
        expect(account.balance >= account.floor(), 'account %d is below its floor',
               account.number)
    expect(bank.refused > 0 and bank.interest_paid > 0 and bank.fees.balance > 0,
           'the simulation never refused, paid interest or charged a fee')


if __name__ == '__main__':
    main('oo_bank', run, check)
