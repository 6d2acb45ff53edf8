/// Facts derived from the manifest that several rules share, so each is defined once.
extension RuleContext {
    /// Cameras whose images can identify a person.
    var identifiableCameras: [Camera] { manifest.cameras.filter(\.identifiableImages) }

    /// Identifiable cameras a person would not easily notice: hidden, or built into a display or kiosk.
    var unnoticeableCameras: [Camera] {
        identifiableCameras.filter { !$0.visibleInstallation || $0.housing != .none }
    }

    /// Use cases that extract face feature data (個人識別符号), even transiently.
    var faceFeatureUseCases: [UseCase] { manifest.useCases.filter(\.extractsFaceFeatures) }

    /// Whether the deployment runs face identification.
    var identifiesFaces: Bool { manifest.useCases.contains(.watchlist) }

    /// Purposes with a commercial (non crime-prevention) aim.
    var commercialPurposes: [Purpose] { manifest.purposes.filter { $0.aim != .crimePrevention } }

    /// Conventional crime-prevention cameras only: every purpose is crime prevention and no face data is made,
    /// so the purpose is obvious from the circumstances (Q1-11 ¶5; APPI Art. 21(4)(iv)).
    var isConventionalCrimePrevention: Bool {
        !manifest.purposes.isEmpty && commercialPurposes.isEmpty && faceFeatureUseCases.isEmpty
    }

    /// Entrusted processors.
    var entrusted: [Processor] { manifest.processors.filter { $0.role == .entrustment } }

    /// Third parties receiving personal data.
    var personalRecipients: [ThirdParty] { manifest.thirdParties.filter { $0.data == .personal } }

    /// Whether a consent of `kind` covering `subject` is recorded.
    func hasConsent(_ kind: Consent.Kind, for subject: String) -> Bool {
        manifest.consents.contains { $0.kind == kind && $0.covers == subject }
    }

    /// Purpose-linter issues of kinds `kinds`.
    func purposeIssues(_ kinds: Set<PurposeIssue.Kind>) -> [PurposeIssue] {
        PurposeLinter.lint(manifest).filter { kinds.contains($0.kind) }
    }

    /// The ids of `cameras`, comma-separated.
    func ids(_ cameras: [Camera]) -> String { cameras.map(\.id).joined(separator: ", ") }

    /// The raw names of `useCases`, comma-separated.
    func names(_ useCases: [UseCase]) -> String { useCases.map(\.rawValue).joined(separator: ", ") }
}

/// Countries whose protection the PPC recognises as equivalent (APPI Art. 28(1); EU/EEA member states and the UK).
let ppcAdequateCountries: Set<String> = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB",
]
