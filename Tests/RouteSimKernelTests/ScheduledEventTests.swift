import Testing
import RouteSimKernel

@Suite("ScheduledEvent")
struct ScheduledEventTests {
    @Test("orders by time first, then by sequence")
    func ordersByTimeThenSequence() {
        let early = ScheduledEvent(time: 1, sequence: 9, payload: "a")
        let lateFirst = ScheduledEvent(time: 2, sequence: 3, payload: "b")
        let lateSecond = ScheduledEvent(time: 2, sequence: 4, payload: "c")
        #expect(early < lateFirst)
        #expect(lateFirst < lateSecond)
        #expect(!(lateSecond < lateFirst))
        #expect([lateSecond, early, lateFirst].sorted().map(\.payload) == ["a", "b", "c"])
    }

    @Test("equality ignores the payload")
    func equalityIgnoresPayload() {
        let one = ScheduledEvent(time: 5, sequence: 1, payload: "x")
        let other = ScheduledEvent(time: 5, sequence: 1, payload: "y")
        #expect(one == other)
        #expect(one != ScheduledEvent(time: 5, sequence: 2, payload: "x"))
        #expect(one != ScheduledEvent(time: 6, sequence: 1, payload: "x"))
    }
}
