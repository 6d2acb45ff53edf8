import CVBridge

/// One decoded 8-bit BGR image, held in memory only (privacy invariant 1).
///
/// A frame has a single owner at a time: stages of a pipeline hand it on and never touch it again, which is why
/// the type is `@unchecked Sendable`. Nothing in Shoji writes a `Frame` to disk except `ImageWriter` and
/// `VideoWriter` after masking.
public final class Frame: @unchecked Sendable {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cvb_frame_free(handle)
    }

    /// A black frame of the given size.
    public convenience init(size: PixelSize) throws {
        guard let handle = cvb_frame_create(Int32(size.width), Int32(size.height)) else {
            throw VisionError.invalidArgument("frame size \(size) is not valid")
        }
        self.init(handle: handle)
    }

    /// Width in pixels.
    public var width: Int { Int(cvb_frame_width(handle)) }
    /// Height in pixels.
    public var height: Int { Int(cvb_frame_height(handle)) }
    /// Width and height.
    public var size: PixelSize { PixelSize(width: width, height: height) }

    /// A deep copy.
    public func clone() throws -> Frame {
        guard let copy = cvb_frame_clone(handle) else {
            throw VisionError.bridge(operation: "frame copy", reason: VisionError.lastBridgeMessage)
        }
        return Frame(handle: copy)
    }

    /// Paints a rectangle in one colour (used to build synthetic test scenes).
    public func fill(_ rect: PixelRect, blue: UInt8, green: UInt8, red: UInt8) {
        cvb_frame_fill_rect(handle, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height),
                            blue, green, red)
    }

    /// Mean absolute difference per channel value (0…255) between this frame and another of the same size
    /// inside `rect`; nil when the sizes differ or the rectangle lies outside the frame.
    public func meanAbsoluteDifference(from other: Frame, in rect: PixelRect) -> Double? {
        let value = cvb_frame_mean_abs_diff(handle, other.handle, Int32(rect.x), Int32(rect.y),
                                            Int32(rect.width), Int32(rect.height))
        return value < 0 ? nil : value
    }

    /// Mean absolute Laplacian of grey values inside `rect`: how much fine detail (the edges that make a face
    /// recognisable) the region still has. Masking drives it down; nil when `rect` lies outside the frame.
    public func detail(in rect: PixelRect) -> Double? {
        let value = cvb_frame_detail(handle, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height))
        return value < 0 ? nil : value
    }
}
