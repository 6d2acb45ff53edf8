/// What a vault vector is for. A vault handle reads only the purposes its access allows (``VaultAccess``), and the
/// purpose is sealed into each vector's authenticated data, so a row moved to another purpose does not open.
public enum VaultPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Use case 3: a returning visitor's features (commercial).
    case repeatVisit = "repeat"
    /// Crime prevention: a registered person's features (PPC Q&A Q1-11…Q1-13).
    case watchlist
    /// A person who asked to be left out (stop of use, APPI Art. 35): matched first and dropped.
    case optOut = "opt_out"
}
