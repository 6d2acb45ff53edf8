/// Why a manifest cannot be turned into a notice.
public enum NoticeContentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither `notice.prior_notice.url` nor `operator.website` is set, so the sign has nowhere to point.
    case missingNoticeURL

    /// A one-line explanation that says what to do.
    public var description: String {
        switch self {
        case .missingNoticeURL:
            "the manifest has no notice page URL: set notice.prior_notice.url (or operator.website) so the sign can link to the full notice"
        }
    }
}
