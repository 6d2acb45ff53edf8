import CVBridge

extension Frame {
    /// A copy of `rect` (clipped to the frame), in memory only, e.g. a person's upper body to look for a face
    /// in. Nil when `rect` lies outside the frame.
    public func cropped(to rect: PixelRect) -> Frame? {
        let limit = 1e7   // far beyond any frame; keeps the Int32 conversions below safe
        guard rect.width >= 1, rect.height >= 1, rect.width < limit, rect.height < limit,
              abs(rect.x) < limit, abs(rect.y) < limit else { return nil }
        guard let handle = cvb_frame_crop(handle, Int32(rect.x.rounded(.down)), Int32(rect.y.rounded(.down)),
                                          Int32(rect.width.rounded()), Int32(rect.height.rounded())) else {
            return nil
        }
        return Frame(handle: handle)
    }
}
