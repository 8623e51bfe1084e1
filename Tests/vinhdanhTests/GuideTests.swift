import Foundation
import Testing
import VinhDanhTestSupport

/// The editors' guide's examples really run: every ```sh block of
/// docs/huong-dan-bien-tap.md, in order, on a copy of the sample site.
@Suite struct GuideTests {
    struct Block {
        var commands: [String]
        var mustFail: Bool
    }

    static func blocks(of markdown: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current != nil {
                if trimmed.hasPrefix("```") {
                    blocks.append(current!)
                    current = nil
                } else if !trimmed.isEmpty {
                    current?.commands.append(trimmed)
                }
            } else if trimmed == "```sh" || trimmed == "```sh vd-fails" {
                current = Block(commands: [], mustFail: trimmed.hasSuffix("vd-fails"))
            }
        }
        return blocks
    }

    @Test func everyExampleRuns() throws {
        let repository = TestRepository.root
        let guide = try String(contentsOfFile: repository + "/docs/huong-dan-bien-tap.md", encoding: .utf8)
        let blocks = Self.blocks(of: guide)
        #expect(blocks.flatMap(\.commands).count >= 5)
        let root = NSTemporaryDirectory() + "vinhdanh-guide-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/docs", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repository + "/content", toPath: root + "/content")
        if FileManager.default.fileExists(atPath: repository + "/docs/vi-du") {
            try FileManager.default.copyItem(atPath: repository + "/docs/vi-du", toPath: root + "/docs/vi-du")
        }
        let binDirectory = URL(fileURLWithPath: TestRepository.binary).deletingLastPathComponent().path
        for block in blocks {
            for command in block.commands {
                #expect(command.hasPrefix("vinhdanh "), "not a vinhdanh command: \(command)")
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", command]
                process.currentDirectoryURL = URL(fileURLWithPath: root)
                var environment = ProcessInfo.processInfo.environment
                environment["PATH"] = binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
                process.environment = environment
                process.standardOutput = Pipe()
                let errors = Pipe()
                process.standardError = errors
                try process.run()
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == (block.mustFail ? 1 : 0), "\(command)\n\(message)")
            }
        }
        // After every example the site still builds.
        let build = Process()
        build.executableURL = URL(fileURLWithPath: TestRepository.binary)
        build.arguments = ["build", "--site", root]
        build.standardOutput = Pipe()
        build.standardError = Pipe()
        try build.run()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
    }
}
