/// Width and height of a published photo, in pixels: measured when photos are published
/// (Output) and written on the pages that show them (Render). Here, below both, because
/// Render comes before Output and neither may read the other.
public struct PhotoSize: Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
