"""richards: Martin Richards' operating-system simulation.

The classic benchmark: a scheduler runs six tasks (an idle task, a worker,
two handlers and two devices) that exchange packets through queues until the
idle task has counted down from 10000. Objects with several classes and
subclasses, attribute access, method calls through a task table, linked
lists of packets, small-int flags.

Check: the original benchmark's own self-test. One simulation must queue
exactly 23246 packets and hold tasks exactly 9297 times; every round is
checked.
"""
from _harness import main, expect

ROUNDS = 4

I_IDLE, I_WORK, I_HANDLER_A, I_HANDLER_B, I_DEVICE_A, I_DEVICE_B = 1, 2, 3, 4, 5, 6
K_DEVICE, K_WORK = 1000, 1001
BUFFER_SIZE = 4
IDLE_COUNT = 10000
EXPECTED_QUEUED, EXPECTED_HELD = 23246, 9297


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        """Put self at the end of queue; return the queue's head."""
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


# The per-task records a task function works on.

class DeviceRecord:
    def __init__(self):
        self.pending = None


class IdleRecord:
    def __init__(self):
        self.control = 1
        self.count = IDLE_COUNT


class HandlerRecord:
    def __init__(self):
        self.work_in = None
        self.device_in = None

    def add_work(self, packet):
        self.work_in = packet.append_to(self.work_in)

    def add_device(self, packet):
        self.device_in = packet.append_to(self.device_in)


class WorkerRecord:
    def __init__(self):
        self.destination = I_HANDLER_A
        self.count = 0


class Scheduler:
    """The shared state: the task table, the run list and the two counters."""

    def __init__(self):
        self.tasks = [None] * 10
        self.task_list = None
        self.held = 0
        self.queued = 0

    def find(self, ident):
        task = self.tasks[ident]
        if task is None:
            raise ValueError('bad task id %d' % ident)
        return task

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.holding or (not task.packet_pending and task.waiting):
                task = task.link
            else:
                task = task.run_task()


class Task:
    def __init__(self, scheduler, ident, priority, input, state, record):
        self.scheduler = scheduler
        self.link = scheduler.task_list
        self.ident = ident
        self.priority = priority
        self.input = input
        self.packet_pending, self.waiting, self.holding = state
        self.record = record
        scheduler.task_list = self
        scheduler.tasks[ident] = self

    def add_packet(self, packet, current):
        """Give self a packet; return the task that should run next."""
        if self.input is None:
            self.input = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            packet.append_to(self.input)
        return current

    def run_task(self):
        if self.packet_pending and self.waiting and not self.holding:
            message = self.input
            self.input = message.link
            self.waiting = False
            self.holding = False
            self.packet_pending = self.input is not None
        else:
            message = None
        return self.fn(message, self.record)

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.scheduler.held += 1
        self.holding = True
        return self.link

    def release(self, ident):
        task = self.scheduler.find(ident)
        task.holding = False
        return task if task.priority > self.priority else self

    def queue_packet(self, packet):
        task = self.scheduler.find(packet.ident)
        self.scheduler.queued += 1
        packet.link = None
        packet.ident = self.ident
        return task.add_packet(packet, self)


class DeviceTask(Task):
    def fn(self, packet, record):
        if packet is None:
            packet = record.pending
            if packet is None:
                return self.wait()
            record.pending = None
            return self.queue_packet(packet)
        record.pending = packet
        return self.hold()


class HandlerTask(Task):
    def fn(self, packet, record):
        if packet is not None:
            if packet.kind == K_WORK:
                record.add_work(packet)
            else:
                record.add_device(packet)
        work = record.work_in
        if work is None:
            return self.wait()
        count = work.datum
        if count >= BUFFER_SIZE:
            record.work_in = work.link
            return self.queue_packet(work)
        device = record.device_in
        if device is None:
            return self.wait()
        record.device_in = device.link
        device.datum = work.data[count]
        work.datum = count + 1
        return self.queue_packet(device)


class IdleTask(Task):
    def fn(self, packet, record):
        record.count -= 1
        if record.count == 0:
            return self.hold()
        if record.control & 1 == 0:
            record.control //= 2
            return self.release(I_DEVICE_A)
        record.control = (record.control // 2) ^ 0xD008
        return self.release(I_DEVICE_B)


class WorkTask(Task):
    def fn(self, packet, record):
        if packet is None:
            return self.wait()
        if record.destination == I_HANDLER_A:
            record.destination = I_HANDLER_B
        else:
            record.destination = I_HANDLER_A
        packet.ident = record.destination
        packet.datum = 0
        for i in range(BUFFER_SIZE):
            record.count += 1
            if record.count > 26:
                record.count = 1
            packet.data[i] = ord('A') + record.count - 1
        return self.queue_packet(packet)


# Initial task states: (packet_pending, waiting, holding).
RUNNING = (False, False, False)
WAITING = (False, True, False)
WAITING_WITH_PACKET = (True, True, False)


def simulate():
    s = Scheduler()
    IdleTask(s, I_IDLE, 1, None, RUNNING, IdleRecord())
    work = Packet(Packet(None, 0, K_WORK), 0, K_WORK)
    WorkTask(s, I_WORK, 1000, work, WAITING_WITH_PACKET, WorkerRecord())
    for ident, device, priority in ((I_HANDLER_A, I_DEVICE_A, 2000),
                                    (I_HANDLER_B, I_DEVICE_B, 3000)):
        packets = None
        for _ in range(3):
            packets = Packet(packets, device, K_DEVICE)
        HandlerTask(s, ident, priority, packets, WAITING_WITH_PACKET, HandlerRecord())
    DeviceTask(s, I_DEVICE_A, 4000, None, WAITING, DeviceRecord())
    DeviceTask(s, I_DEVICE_B, 5000, None, WAITING, DeviceRecord())
    s.schedule()
    return s.queued, s.held


def run():
    return [simulate() for _ in range(ROUNDS)]


def check(results):
    for queued, held in results:
        expect(queued == EXPECTED_QUEUED, 'queued %d packets, want %d', queued, EXPECTED_QUEUED)
        expect(held == EXPECTED_HELD, 'held %d times, want %d', held, EXPECTED_HELD)


if __name__ == '__main__':
    main('richards', run, check)
