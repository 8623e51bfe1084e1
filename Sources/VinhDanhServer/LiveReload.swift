/// Tells open browser tabs about rebuilds over Server-Sent Events.
public actor LiveReload {
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var next = 0
    /// The last error report, re-sent to tabs that connect while the site is broken.
    private var lastError: String?

    /// Events waiting to be sent, in the order they were posted.
    private nonisolated let queue: AsyncStream<(event: String, data: String)>.Continuation

    /// Creates an empty broadcaster.
    public init() {
        let (stream, queue) = AsyncStream<(event: String, data: String)>.makeStream()
        self.queue = queue
        // One task sends every posted event, so they reach tabs in the order they happened
        // (a task per event would let an error overlay arrive after the reload that cleared it).
        Task { [weak self] in
            for await (event, data) in stream { await self?.send(event: event, data: data) }
        }
    }

    /// Queues an event (`reload`, `css` or `error`) for every tab, from any thread: events
    /// are sent in the order they were posted.
    public nonisolated func post(event: String, data: String) {
        queue.yield((event, data))
    }

    /// A stream of SSE frames for one tab; it ends when the tab goes or the server stops.
    public func subscribe() -> AsyncStream<String> {
        let id = next
        next += 1
        let (stream, continuation) = AsyncStream<String>.makeStream()
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        subscribers[id] = continuation
        continuation.yield(": vinhdanh\n\n")
        if let lastError { continuation.yield(lastError) }
        return stream
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    /// Sends an event (`reload`, `css` or `error`) with its data to every tab.
    public func send(event: String, data: String) {
        let frame = "event: \(event)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
        lastError = event == "error" ? frame : nil
        for continuation in subscribers.values { continuation.yield(frame) }
    }

    /// Ends every stream (graceful shutdown).
    public func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// Number of connected tabs.
    public var count: Int { subscribers.count }
}
