import Testing
import RouteSimKernel

@Suite("EventList", .heapOrderChecked)
struct EventListTests {
    @Test("a new list is empty")
    func newListIsEmpty() {
        var list = EventList<Int>()
        #expect(list.isEmpty)
        #expect(list.count == 0)
        #expect(list.nextTime == nil)
        #expect(list.next == nil)
        #expect(list.scheduledCount == 0)
        #expect(list.popNext() == nil)
        let reserved = EventList<Int>(minimumCapacity: 1_000)
        #expect(reserved.isEmpty)
        #expect(reserved.scheduledCount == 0)
    }

    @Test("pops in time order")
    func popsInTimeOrder() {
        var rng = RandomStream(seed: 7, replication: 0, name: "event-list-order")
        var list = EventList<Int>()
        var expected: [Double] = []
        for index in 0..<10_000 {
            let time = rng.uniform() * 1_000
            list.schedule(index, at: time)
            expected.append(time)
        }
        var popped: [Double] = []
        while let event = list.popNext() {
            popped.append(event.time)
        }
        #expect(popped == expected.sorted())
    }

    @Test("equal times come out in scheduling order")
    func tiesKeepSchedulingOrder() {
        var list = EventList<Int>()
        let times: [Double] = [30, 10, 20]
        for index in 0..<3_000 {
            list.schedule(index, at: times[index % 3])
        }
        var previous: ScheduledEvent<Int>?
        var popped = 0
        while let event = list.popNext() {
            #expect(event.sequence == UInt64(event.payload))
            if let previous {
                #expect(previous.time <= event.time)
                if previous.time == event.time {
                    #expect(previous.payload < event.payload)
                }
            }
            previous = event
            popped += 1
        }
        #expect(popped == 3_000)
    }

    @Test("all events at one time come out first in, first out")
    func singleTimeIsFifo() {
        var list = EventList<Int>()
        for index in 0..<5_000 {
            list.schedule(index, at: 42)
        }
        var payloads: [Int] = []
        while let event = list.popNext() {
            payloads.append(event.payload)
        }
        #expect(payloads == Array(0..<5_000))
    }

    @Test("interleaved schedule and pop match a sorted reference, and next is what pops")
    func interleavedMatchesReference() {
        var rng = RandomStream(seed: 11, replication: 0, name: "event-list-interleaved")
        var list = EventList<Int>()
        var reference: [(time: Double, sequence: UInt64, payload: Int)] = []
        var clock = 0.0
        var nextPayload = 0
        for _ in 0..<6_000 {
            if reference.isEmpty || rng.uniform() < 0.55 {
                let time = clock + (rng.uniform() * 10).rounded()
                reference.append((time, UInt64(nextPayload), nextPayload))
                list.schedule(nextPayload, at: time)
                nextPayload += 1
            } else {
                let smallest = reference.indices.min { left, right in
                    (reference[left].time, reference[left].sequence) < (reference[right].time, reference[right].sequence)
                }!
                let expected = reference.remove(at: smallest)
                let next = list.next
                let event = list.popNext()
                #expect(next == event && next?.payload == event?.payload)
                #expect(event?.payload == expected.payload)
                #expect(event?.time == expected.time)
                #expect(event?.sequence == expected.sequence)
                clock = expected.time
            }
            #expect(list.count == reference.count)
            #expect(list.nextTime == reference.map(\.time).min())
            #expect(list.scheduledCount == UInt64(nextPayload))
        }
    }

    @Test("count, nextTime and scheduledCount track the list")
    func countersTrackTheList() {
        var list = EventList<String>()
        list.schedule("b", at: 5)
        list.schedule("a", at: 2)
        list.schedule("c", at: 9)
        #expect(list.count == 3)
        #expect(!list.isEmpty)
        #expect(list.nextTime == 2)
        #expect(list.popNext()?.payload == "a")
        #expect(list.count == 2)
        #expect(list.nextTime == 5)
        list.schedule("d", at: 1)
        #expect(list.nextTime == 1)
        #expect(list.scheduledCount == 4)
        #expect(list.popNext()?.payload == "d")
        #expect(list.popNext()?.payload == "b")
        #expect(list.popNext()?.payload == "c")
        #expect(list.isEmpty)
        #expect(list.nextTime == nil)
        #expect(list.scheduledCount == 4)
    }

    @Test("an event scheduled with a reserved sequence sorts as if scheduled when it was reserved")
    func reservedSequenceKeepsItsPlace() {
        var list = EventList<String>()
        list.schedule("first", at: 5)
        let reserved = list.reserveSequence()
        list.schedule("third", at: 5)
        list.schedule("now", at: 1)
        #expect(list.scheduledCount == 4)
        #expect(list.popNext()?.payload == "now")
        list.schedule("second", at: 5, sequence: reserved)
        #expect(list.scheduledCount == 4)
        #expect(list.popNext()?.payload == "first")
        #expect(list.popNext()?.payload == "second")
        #expect(list.popNext()?.payload == "third")
        #expect(list.isEmpty)
    }

    @Test("a reserved event at or before the last popped time traps")
    func reservedEventInThePastTraps() async {
        await #expect(processExitsWith: .failure) {
            var list = EventList<Int>()
            let reserved = list.reserveSequence()
            list.schedule(1, at: 4)
            _ = list.popNext()
            list.schedule(2, at: 4, sequence: reserved)
        }
    }

    @Test("negative and zero times are ordinary times")
    func negativeAndZeroTimes() {
        var list = EventList<Int>()
        list.schedule(0, at: 0)
        list.schedule(1, at: -3)
        list.schedule(2, at: -0.0)
        #expect(list.popNext()?.payload == 1)
        #expect(list.popNext()?.payload == 0)
        #expect(list.popNext()?.payload == 2)
    }

    @Test("a list of Sendable payloads is Sendable")
    func isSendable() {
        func requireSendable<T: Sendable>(_ value: T) -> T { value }
        var list = requireSendable(EventList<Int>())
        list.schedule(1, at: 1)
        #expect(requireSendable(list.popNext())?.payload == 1)
    }

    @Test("scheduling a NaN time traps")
    func nanTimeTraps() async {
        await #expect(processExitsWith: .failure) {
            var list = EventList<Int>()
            list.schedule(1, at: .nan)
        }
    }

    @Test("scheduling an infinite time traps")
    func infiniteTimeTraps() async {
        await #expect(processExitsWith: .failure) {
            var list = EventList<Int>()
            list.schedule(1, at: .infinity)
        }
    }
}
