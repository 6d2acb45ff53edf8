import ShojiPolicy

/// What a disclosure answer shows a person (APPI Art. 33), in plain values: the command fills it from the
/// store's disclosure, the renderer lays it out. No face data is ever part of it, only dates, places and ids.
public struct DisclosureDocument: Sendable, Hashable {
    /// One labelled value.
    public struct Item: Sendable, Hashable {
        /// What it is.
        public var label: LocalizedText
        /// Its value.
        public var value: LocalizedText

        /// An item.
        public init(label: LocalizedText, value: LocalizedText) {
            self.label = label
            self.value = value
        }
    }

    /// One part of the answer: items and an optional table.
    public struct Section: Sendable, Hashable {
        /// An id for the page's anchors.
        public var id: String
        /// The heading.
        public var title: LocalizedText
        /// What the section is about, or why it is empty.
        public var note: LocalizedText?
        /// Labelled values.
        public var items: [Item]
        /// Column headings of the table (none without one).
        public var columns: [LocalizedText]
        /// The table's rows, one string per column.
        public var rows: [[String]]

        /// A section.
        public init(id: String, title: LocalizedText, note: LocalizedText? = nil, items: [Item] = [],
                    columns: [LocalizedText] = [], rows: [[String]] = []) {
            self.id = id
            self.title = title
            self.note = note
            self.items = items
            self.columns = columns
            self.rows = rows
        }
    }

    /// The operator answering.
    public var operatorName: LocalizedText
    /// The sections, in order.
    public var sections: [Section]

    /// A document.
    public init(operatorName: LocalizedText, sections: [Section]) {
        self.operatorName = operatorName
        self.sections = sections
    }
}
