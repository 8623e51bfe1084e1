import Foundation
import VinhDanhConfig

/// Checks a profile's `photo`: relative to `content/`, inside `content/media/` even after
/// resolving symlinks, and an existing file.
package struct PhotoCheck: Sendable {
    let paths: SitePaths

    package init(paths: SitePaths) {
        self.paths = paths
    }

    package func check(_ photo: String) -> (message: String, suggestion: String)? {
        let hint = "đặt ảnh trong thư mục content/media/ và ghi `photo: media/ten-anh.jpg`"
        if photo.hasPrefix("/") || photo.contains("\\") || photo.contains(":") {
            return ("đường dẫn ảnh “\(photo)” phải là đường dẫn tương đối trong content/", hint)
        }
        let parts = photo.split(separator: "/")
        if parts.contains("..") || parts.first != "media" || parts.count < 2 {
            return ("ảnh “\(photo)” phải nằm trong thư mục content/media/", hint)
        }
        let full = paths.content + "/" + photo
        guard let resolved = realpath(full, nil) else {
            return ("không tìm thấy tệp ảnh content/\(photo)", "kiểm tra tên tệp (phân biệt chữ hoa, chữ thường)")
        }
        defer { free(resolved) }
        guard let mediaRoot = realpath(paths.media, nil) else {
            return ("không tìm thấy thư mục content/media", hint)
        }
        defer { free(mediaRoot) }
        let target = String(cString: resolved)
        if !target.hasPrefix(String(cString: mediaRoot) + "/") {
            return ("ảnh “\(photo)” trỏ ra ngoài thư mục content/media/", hint)
        }
        var info = stat()
        if stat(target, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
            return ("“\(photo)” không phải là tệp ảnh", hint)
        }
        return nil
    }
}
