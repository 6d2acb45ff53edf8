import ArgumentParser

/// The `shoji` command line: every capability of Shoji is one subcommand.
@main
struct Shoji: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shoji",
        abstract: "Privacy-by-design camera analytics for the APPI, the PPC Q&A and the METI/MIC guidebook.",
        subcommands: [
            AnonymizeCommand.self,
            AssessCommand.self,
            NoticeCommand.self,
            IncidentCommand.self,
            DoctorCommand.self,
            BenchCommand.self,
            RunCommand.self,
            ServeCommand.self,
            ReportCommand.self,
            EvalCommand.self,
            KeysCommand.self,
            UsersCommand.self,
            WatchlistCommand.self,
            RequestsCommand.self,
            AuditCommand.self,
            HubCommand.self,
            OutboxCommand.self,
        ]
    )
}
