/// Width and height of a published photo, in pixels: measured when photos are published
/// and written on the pages that show them.
public struct PhotoSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
