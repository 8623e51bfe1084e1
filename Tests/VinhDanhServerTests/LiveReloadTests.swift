import Testing
@testable import VinhDanhServer

@Suite struct LiveReloadTests {
    /// Events posted one after another (an error, then the reload that clears it…) reach
    /// a tab in that order.
    @Test func eventsReachTabsInTheOrderTheyWerePosted() async throws {
        let live = LiveReload()
        let stream = await live.subscribe()
        let events = (0..<200).map { $0 % 2 == 0 ? ("error", "[\"lỗi \($0)\"]") : ("reload", "/ho-so/\($0)/") }
        for (event, data) in events { live.post(event: event, data: data) }
        var received: [String] = []
        for await frame in stream where frame.hasPrefix("event: ") {
            received.append(frame)
            if received.count == events.count { break }
        }
        #expect(received == events.map { "event: \($0.0)\ndata: \($0.1)\n\n" })
    }
}
