# A vending machine as a generator-driven state machine.
def vending_machine(prices):
    credit = 0
    log = []
    event = yield "ready"
    while True:
        kind, arg = event
        if kind == "coin":
            if arg not in (5, 10, 25, 100):
                response = f"rejected coin {arg}"
            else:
                credit += arg
                response = f"credit {credit}"
        elif kind == "select":
            if arg not in prices:
                response = f"unknown item {arg!r}"
            elif credit < prices[arg]:
                response = f"{arg} costs {prices[arg]}, credit {credit}"
            else:
                credit -= prices[arg]
                log.append(arg)
                response = f"vend {arg}, change {credit}"
                credit = 0
        elif kind == "refund":
            response = f"refund {credit}"
            credit = 0
        elif kind == "report":
            response = f"sold {log}"
        elif kind == "off":
            return f"shut down after {len(log)} sales"
        else:
            raise ValueError(f"bad event {kind!r}")
        event = yield response

vm = vending_machine({"chips": 50, "soda": 125, "gum": 25})
print(next(vm))
events = [("coin", 25), ("coin", 3), ("select", "chips"), ("coin", 25), ("select", "chips"),
          ("coin", 100), ("coin", 10), ("select", "soda"), ("select", "tea"), ("coin", 5),
          ("refund", None), ("coin", 25), ("select", "gum"), ("report", None)]
for ev in events:
    print(f"{str(ev):<22} -> {vm.send(ev)}")
try:
    vm.send(("off", None))
except StopIteration as stop:
    print(stop.value)
vm2 = vending_machine({})
next(vm2)
try:
    vm2.send(("kick", None))
except ValueError as e:
    print(type(e).__name__, e)
print(vm2.gi_frame)
