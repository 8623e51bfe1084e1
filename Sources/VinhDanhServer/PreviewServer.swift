import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import VinhDanhBuild
import VinhDanhConfig
import VinhDanhSupport

/// `vinhdanh serve`: builds the site into `.vinhdanh/serve/` (never `public/`), serves it on
/// loopback by default, watches `content/` and `site-templates/`, rebuilds on change and
/// tells open tabs to reload. A broken save keeps the last good site served and shows the
/// errors in the terminal and in the browser.
public struct PreviewServer: Sendable {
    /// What to serve, and how.
    public struct Options: Sendable {
        public var site: SitePaths
        public var host: String
        public var port: Int
        /// With a sub-path, the site is served under it, as on the portal.
        public var baseURL: String?
        /// Saving a profile takes the open tab to that profile's page.
        public var navigate: Bool
        public var latestYear: Int
        /// Called with each line for the terminal.
        public var log: @Sendable (String) -> Void

        /// Options for serving `site` on `host:port`.
        public init(site: SitePaths, host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil,
                    navigate: Bool = true, latestYear: Int, log: @escaping @Sendable (String) -> Void) {
            self.site = site
            self.host = host
            self.port = port
            self.baseURL = baseURL
            self.navigate = navigate
            self.latestYear = latestYear
            self.log = log
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    public let options: Options
    let live = LiveReload()
    /// Pages rendered by an update and not yet on disk.
    let pending = PendingPages()
    /// The last good build's model, for incremental rebuilds (used by the watcher thread).
    let model = ModelBox()
    /// The files the editor wrote, which the watcher skips.
    let ownWrites = OwnWrites()
    /// One rebuild at a time: the watcher's and the editor's.
    private let rebuilding = NSLock()

    /// The key of the editor's link, printed in the terminal only (``EditorGuard``).
    let editorKey = EditorGuard.newToken()

    /// Creates a server.
    public init(options: Options) {
        self.options = options
    }

    /// The link that opens the browser editor, with its key; `nil` when the server is not
    /// on loopback (the editor is off).
    public var editorURL: String? {
        guard EditorGuard.isLoopback(options.host) else { return nil }
        let host = options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
        return "http://\(host):\(options.port)/_bien-tap/?khoa=\(editorKey)"
    }

    /// The folder pages are served from.
    public var output: String { options.site.root + "/.vinhdanh/serve" }

    /// The absolute base URL the preview build uses.
    var baseURL: String {
        options.baseURL.flatMap(SiteConfig.normalizeBaseURL) ?? "http://\(options.host == "0.0.0.0" ? "127.0.0.1" : options.host):\(options.port)/"
    }

    var basePath: String { SiteConfig(baseURL: baseURL).rootPath }

    /// Builds once, then serves until SIGINT or SIGTERM.
    public func run(onReady: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        if let problem = PortCheck.problem(host: options.host, port: options.port) {
            throw StartError(description: problem)
        }
        _ = rebuild(changed: [])
        let router = Router(context: PreviewContext.self)
        // The editor first: its requests never reach the site's middlewares.
        let editor = Editor(server: self, rules: EditorGuard(host: options.host, port: options.port, key: editorKey))
        router.add(middleware: EditorMiddleware(editor: editor, responder: editor.router().buildResponder()))
        router.add(middleware: SafePathMiddleware())
        router.add(middleware: CharsetMiddleware())
        router.add(middleware: PendingPagesMiddleware(pending: pending, basePath: basePath))
        let root = ServedFolderMiddleware<PreviewContext>.realPath(output) ?? output
        router.add(middleware: ServedFolderMiddleware(root: root, basePath: basePath))
        var quiet = Logger(label: "vinhdanh.files")
        quiet.logLevel = .error
        router.add(middleware: FileMiddleware(output, urlBasePath: basePath == "/" ? nil : String(basePath.dropLast()),
                                              searchForIndexHtml: true, logger: quiet))
        router.get("/__vinhdanh/reload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: ReloadScript.source)))
        }
        let live = self.live
        router.get("/__vinhdanh/events") { _, _ in
            let stream = await live.subscribe()
            return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                            body: .init { writer in
                                // An endless stream must end on Ctrl-C, or shutdown waits for the tab.
                                try await withGracefulShutdownHandler {
                                    for await frame in stream { try await writer.write(ByteBuffer(string: frame)) }
                                } onGracefulShutdown: {
                                    Task { await live.finishAll() }
                                }
                                try await writer.finish(nil)
                            })
        }
        var logger = Logger(label: "vinhdanh.serve")
        logger.logLevel = .error
        let url = baseURL.hasPrefix("http://\(options.host)") ? baseURL : "http://\(options.host):\(options.port)\(basePath)"
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "vinhdanh"),
            services: [Watching(server: self), EndStreams(live: live)],
            onServerRunning: { _ in onReady(url) },
            logger: logger)
        do {
            try await app.runService()
        } catch where "\(error)".contains("Address already in use") || "\(error)".contains("errno: 98") {
            throw StartError(description: "cổng \(options.port) trên \(options.host) đang được chương trình khác dùng — chạy lại với --port \(options.port + 1)")
        }
    }

    /// Returns once no rebuild is running, so that the model is in its box (an update takes
    /// it out while it changes): the editor reads the site after this.
    func settled() async {
        let rebuilding = self.rebuilding
        await Self.offServerThreads {
            rebuilding.lock()
            rebuilding.unlock()
        }
    }

    /// `rebuild(changed:)` off the server's threads, for the editor after its own writes.
    func rebuildNow(_ changed: Set<String>) async {
        await Self.offServerThreads { _ = self.rebuild(changed: changed) }
    }

    /// Runs `work`, which blocks (a lock, a rebuild, libvips), on a thread of its own, so
    /// that the server's few threads keep answering meanwhile.
    static func offServerThreads<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (done: CheckedContinuation<T, Never>) in
            Thread { done.resume(returning: work()) }.start()
        }
    }

    /// Rebuilds (in place when the edit allows, else fully) and tells the tabs.
    /// Returns whether the site is built.
    func rebuild(changed: Set<String>) -> Bool {
        rebuilding.lock()
        defer { rebuilding.unlock() }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> UInt64 { (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        let live = self.live
        // Taken out of the box while it changes, so that its large arrays are changed in
        // place rather than copied (the box would still share them).
        if !changed.isEmpty, var incremental = model.take() {
            // The tabs reload as soon as the pages are rendered: they are served from
            // memory until written.
            let pending = self.pending, navigate = options.navigate
            var told = false
            let outcome = incremental.update(changed: changed) { rendered in
                pending.hold(rendered.files)
                live.post(event: "reload", data: navigate ? (rendered.page ?? "") : "")
                told = true
            }
            pending.clear()
            model.putBack(incremental)
            switch outcome {
            case .updated(let rendered, let written, let page, let diagnostics)?:
                model.value = incremental
                for diagnostic in diagnostics { options.log(diagnostic.formatted) }
                if !told { live.post(event: "reload", data: options.navigate ? (page ?? "") : "") }
                options.log("Đã cập nhật \(written)/\(rendered) trang trong \(elapsed()) ms.")
                refreshSearchLater()
                return true
            case .failed(let diagnostics)?:
                report(diagnostics)
                // A search index refresh that found the model taken out skipped its write.
                refreshSearchLater()
                return false
            case nil:
                break
            }
        }
        var buildOptions = BuildOptions(site: options.site, output: output, baseURL: baseURL,
                                        latestYear: options.latestYear, injectHTML: ReloadScript.tag)
        let log = self.options.log
        buildOptions.waitingForLock = { log("Một lần xây dựng khác của trang này đang ghi; chờ nó xong…") }
        let result: BuildResult
        do {
            let (built, incremental) = try IncrementalBuild.full(options: buildOptions)
            result = built
            if let incremental { model.value = incremental }
        } catch {
            self.options.log("lỗi: \(error)")
            return false
        }
        if !result.succeeded {
            report(result.diagnostics)
            return false
        }
        for diagnostic in result.diagnostics { self.options.log(diagnostic.formatted) }
        refreshSearchLater(searchIndex: false)
        if !changed.isEmpty {
            self.options.log("Đã xây dựng lại (\(changed.count) tệp nguồn thay đổi; dựng lại \(result.pagesRendered) trang, ghi \(result.filesWritten) tệp) trong \(elapsed()) ms.")
            // Folders created along the way do not count; only files say what changed.
            let files = changed.filter { !($0 as NSString).pathExtension.isEmpty }
            if !files.isEmpty && files.allSatisfy({ $0.hasSuffix(".css") }) {
                live.post(event: "css", data: "")
            } else {
                let profiles = changed.compactMap { result.pageOfSource[self.options.site.relative($0)] }
                let target = self.options.navigate && profiles.count == 1 ? profiles[0] : ""
                live.post(event: "reload", data: target)
            }
        }
        return true
    }

    /// Rebuilds the search index (unless a full build just wrote it), and works out which
    /// pages show each profile, on another thread so the next edit is not kept waiting;
    /// the result is kept only if no newer edit came in meanwhile (that one schedules its
    /// own refresh).
    private func refreshSearchLater(searchIndex: Bool = true) {
        guard let snapshot = model.value else { return }
        let generation = model.generation
        let model = self.model
        let log = options.log
        Thread {
            let fresh = searchIndex ? snapshot.freshSearchIndex() : nil
            let dependents = snapshot.freshDependents()
            let written = model.update(ifGeneration: generation) { build in
                build.adopt(dependents)
                return fresh.map { build.applySearchIndex($0) } ?? 0
            }
            if let written, written > 0 { log("Chỉ mục tìm kiếm: cập nhật \(written) tệp.") }
        }.start()
    }

    /// Prints a failed build's problems and shows them in the tabs.
    private func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { options.log(diagnostic.formatted) }
        options.log("Không xây dựng được: trang đang xem giữ bản trước. Sửa lỗi rồi lưu lại.")
        let lines = diagnostics.filter { $0.severity == .error }.map(\.formatted)
        let data = (try? JSONEncoder().encode(lines)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        let live = self.live
        live.post(event: "error", data: data)
    }
}

/// The incremental model, shared between the server, its watcher thread and the
/// search-index refresh. Every change of the model bumps its generation.
final class ModelBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: IncrementalBuild?
    private var counter = 0
    var value: IncrementalBuild? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue; counter += 1 } }
    }
    var generation: Int { lock.withLock { counter } }

    /// The model, leaving the box empty until ``putBack(_:)`` (the generation is kept).
    func take() -> IncrementalBuild? {
        lock.withLock {
            defer { stored = nil }
            return stored
        }
    }

    /// Puts back what ``take()`` took, if nothing else was stored meanwhile.
    func putBack(_ build: IncrementalBuild) {
        lock.withLock { if stored == nil { stored = build } }
    }

    /// Runs `change` on the model if it is still at `generation` (keeping the generation:
    /// the change completes that version). Returns its result, or `nil` if outdated.
    func update<T>(ifGeneration generation: Int, _ change: (inout IncrementalBuild) -> T) -> T? {
        lock.withLock {
            guard counter == generation, var build = stored else { return nil }
            stored = nil  // changed in place, not copied
            let result = change(&build)
            stored = build
            return result
        }
    }
}

/// Watches the site and rebuilds, as a service of the application so it stops with it.
struct Watching: Service {
    let server: PreviewServer

    func run() async throws {
        let site = server.options.site
        let folders = [site.content, site.templates]
        let stopped = StopFlag()
        let server = self.server
        // Returns as soon as shutdown starts, even in the middle of a rebuild: the watcher
        // thread notices the flag after it, and the process ends anyway.
        await withGracefulShutdownHandler {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let once = Once(done)
                stopped.onSet = { once.resume() }
                let thread = Thread {
                    let watcher = SiteWatcher(folders: folders, root: site.root)
                    while let batch = watcher.nextBatch(stopped: { stopped.isSet }) {
                        // The editor's own writes were already built.
                        let changed = server.ownWrites.filter(batch)
                        if !changed.isEmpty { _ = server.rebuild(changed: changed) }
                    }
                    once.resume()
                }
                thread.start()
            }
        } onGracefulShutdown: {
            stopped.set()
        }
    }
}

/// Resumes a continuation exactly once, from whichever side gets there first.
final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
    func resume() {
        let taken: CheckedContinuation<Void, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        taken?.resume()
    }
}

/// Ends the live-reload streams on shutdown, so Ctrl-C never waits for open tabs.
struct EndStreams: Service {
    let live: LiveReload

    func run() async throws {
        try? await gracefulShutdown()
        await live.finishAll()
    }
}

/// A flag set once from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var action: (@Sendable () -> Void)?
    var isSet: Bool { lock.withLock { value } }
    /// Runs when the flag is set (at once if it already is).
    var onSet: (@Sendable () -> Void)? {
        get { lock.withLock { action } }
        set {
            let runNow: Bool = lock.withLock { action = newValue; return value }
            if runNow { newValue?() }
        }
    }
    func set() {
        let run: (@Sendable () -> Void)? = lock.withLock { value = true; return action }
        run?()
    }
}
