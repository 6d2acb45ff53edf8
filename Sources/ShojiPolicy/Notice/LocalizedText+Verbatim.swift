extension LocalizedText {
    /// A text that reads the same in both languages: a company name, an address, a URL.
    ///
    /// Manifests give proper nouns once, usually in Japanese; an English notice prints them as given.
    public init(verbatim text: String) {
        self.init(ja: text, en: text)
    }
}
