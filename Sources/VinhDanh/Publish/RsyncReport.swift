/// What rsync says about an upload: its running progress (`--info=progress2`) and its
/// final statistics (`--info=stats2`).
public struct RsyncReport: Sendable, Equatable {
    /// Files rsync has gone through, of all it will.
    public var checked = 0
    public var total = 0
    /// Files whose data was sent (new or changed).
    public var filesSent = 0
    /// Bytes of those files so far (their size, before rsync's delta and compression).
    public var bytesTransferred = 0
    /// Bytes that crossed the network (rsync's "Total bytes sent").
    public var bytesSent = 0
    /// Size of the whole release.
    public var totalSize = 0

    /// Takes in one piece of rsync's output.
    mutating func read(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let chk = trimmed.range(of: "-chk=") {
            // "… (xfr#12, to-chk=100/47000)"
            let numbers = trimmed[chk.upperBound...].prefix { $0 != ")" }.split(separator: "/")
            if numbers.count == 2, let left = Int(numbers[0]), let all = Int(numbers[1]) {
                total = all
                checked = all - left
            }
            if let xfr = trimmed.range(of: "xfr#") {
                filesSent = Int(trimmed[xfr.upperBound...].prefix(while: \.isNumber)) ?? filesSent
            }
            bytesTransferred = Int(trimmed.prefix { $0 != " " }.filter(\.isNumber)) ?? bytesTransferred
        } else if let value = Self.value(trimmed, "Number of regular files transferred:") {
            filesSent = value
        } else if let value = Self.value(trimmed, "Total transferred file size:") {
            bytesTransferred = value
        } else if let value = Self.value(trimmed, "Total bytes sent:") {
            bytesSent = value
        } else if let value = Self.value(trimmed, "Total file size:") {
            totalSize = value
        } else if trimmed.hasPrefix("Number of files:"), let value = Self.value(trimmed, "Number of files:") {
            total = value
            checked = value
        }
    }

    /// The number after `label` (digit separators of any locale dropped).
    private static func value(_ line: String, _ label: String) -> Int? {
        guard line.hasPrefix(label) else { return nil }
        let number = line.dropFirst(label.count).drop { $0 == " " }.prefix { $0.isNumber || $0 == "," || $0 == "." }
        return Int(number.filter(\.isNumber))
    }
}
