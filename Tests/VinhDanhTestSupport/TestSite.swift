import Foundation
import VinhDanhBuild
import VinhDanhConfig
import VinhDanhContent

/// A small site written into a fresh temporary folder, file by file.
package struct TestSite {
    package let root: String

    package init(profiles: [String: String] = [:], extraFiles: [String: String] = [:], withDefaults: Bool = true) throws {
        root = NSTemporaryDirectory() + "vinhdanh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        if withDefaults {
            for (path, text) in Self.defaults { try write(path, text) }
        }
        for (name, text) in profiles { try write("content/profiles/" + name, text) }
        for (path, text) in extraFiles { try write(path, text) }
    }

    package func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    package func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    package func read(_ path: String) -> String? {
        try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    package var paths: SitePaths { SitePaths(root: root) }

    package func options(output: String? = nil, baseURL: String? = nil, workers: Int = 0) -> BuildOptions {
        BuildOptions(site: paths, output: output, baseURL: baseURL, latestYear: 2026, workers: workers)
    }

    package func load() -> Site { SiteLoader(paths: paths, latestYear: 2026).load() }

    package func build(output: String? = nil, baseURL: String? = nil, workers: Int = 0) throws -> BuildResult {
        try Builder(options: options(output: output, baseURL: baseURL, workers: workers)).build()
    }

    package func remove() { try? FileManager.default.removeItem(atPath: root) }

    package static let defaults: [String: String] = [
        "content/site.yaml": """
        title: Trang thử
        baseURL: https://example.org/
        pagination: 2
        organization: Ban Thi đua
        """,
        "content/vocab/districts.yaml": """
        - key: luc-ngan
          name: Huyện Lục Ngạn
          aliases: [Lục Ngạn]
        - key: viet-yen
          name: Thị xã Việt Yên
          aliases: [Huyện Việt Yên]
        - key: cap-tinh
          name: Cấp tỉnh
        """,
        "content/vocab/movements.yaml": """
        - key: nong-thon-moi
          name: Chung sức xây dựng nông thôn mới
        - key: khuyen-hoc
          name: Khuyến học, khuyến tài
        """,
        "content/vocab/awards.yaml": """
        - key: huan-chuong-lao-dong
          name: Huân chương Lao động
          recipients: [individual, collective]
        - key: bang-khen-chu-tich-ubnd-tinh
          name: Bằng khen của Chủ tịch UBND tỉnh
          aliases: [Bằng khen UBND tỉnh]
        """,
    ]

    /// A valid profile with the given fields replaced or added.
    package static func profile(title: String = "Nguyễn Văn An", kind: String = "individual", district: String = "luc-ngan",
                        extra: String = "", awards: String = "  - type: bang-khen-chu-tich-ubnd-tinh\n    year: 2021\n",
                        body: String = "Thành tích.\n") -> String {
        "---\ntitle: \(title)\nkind: \(kind)\ndistrict: \(district)\nmovements: [nong-thon-moi]\nawards:\n\(awards)summary: Tóm tắt.\n\(extra)---\n\(body)"
    }
}
