/// What importing a decision will do, worked out completely before anything is written.
public struct ImportPlan: Sendable {
    /// A profile the import creates.
    public struct NewProfile: Sendable {
        public var row: Int
        public var path: String
        public var title: String
        public var text: String
    }

    /// An award added to a profile that already has a file.
    public struct AddedAward: Sendable {
        public var row: Int
        public var path: String
        public var award: ProfileDraft.Award
    }

    /// A row that cannot be imported, and why.
    public struct Rejection: Sendable, CustomStringConvertible {
        public var row: Int
        public var reason: String
        /// `dòng 5: …` (the spreadsheet's row number).
        public var description: String { "dòng \(row): \(reason)" }
    }

    public var newProfiles: [NewProfile] = []
    public var addedAwards: [AddedAward] = []
    /// Rows whose award the profile already has (not added twice).
    public var alreadyPresent: [Int] = []
    public var rejected: [Rejection] = []
    /// Headers that name no known column.
    public var unknownColumns: [String] = []
    /// New full text of each existing file that gains awards (site-relative path → bytes).
    public var edits: [String: [UInt8]] = [:]

    /// Whether the import may be written: no row was rejected.
    public var isValid: Bool { rejected.isEmpty }

    /// One-line summary for the terminal.
    public var summary: String {
        var text = "\(newProfiles.count) hồ sơ mới, \(addedAwards.count) khen thưởng bổ sung vào \(edits.count) hồ sơ có sẵn"
        if !alreadyPresent.isEmpty { text += ", \(alreadyPresent.count) khen thưởng đã có (bỏ qua)" }
        text += ", \(rejected.count) dòng bị từ chối"
        return text + "."
    }
}
