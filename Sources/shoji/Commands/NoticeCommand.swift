import ArgumentParser
import Foundation
import ShojiPolicy
import ShojiRender

/// `shoji notice`: renders the on-site camera sign or the prior-notice page from a deployment manifest.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Render the camera sign (SVG, PDF, PNG) or the prior-notice page (HTML) from a manifest.",
        discussion: """
            The sign says that a camera is operating, who operates it, what is captured, kept and discarded, \
            the purposes, retention and contact, with the URL and a QR code of the prior-notice page. The page \
            (--format html) adds the matters of APPI Art. 32: name, address and representative, all purposes, \
            the request procedure, safety measures, the complaint contact, processors and joint use.

            Examples:
              shoji notice examples/attributes.yaml --format pdf --lang both -o sign.pdf
              shoji notice examples/attributes.yaml --format html --lang ja -o public/
            """)

    /// What to produce.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case svg, pdf, png, html

        var fileExtension: String { rawValue }
    }

    @Argument(help: "The deployment manifest (YAML).")
    var manifest: String

    @Option(help: "svg, pdf or png for the sign; html for the prior-notice page.")
    var format: Format = .pdf

    @Option(help: "ja, en, or both (Japanese with English under each item).")
    var lang: NoticeLanguage = .both

    @Option(help: "Paper size of the sign: a4 or a3.")
    var paper: PaperSize = .a4

    @Option(help: "Resolution of PNG output, in dots per inch (72-600).")
    var dpi: Double = 150

    @Option(name: [.short, .customLong("output")], help: "The file to write, or a folder to write into (default: the current folder).")
    var output: String?

    func validate() throws {
        guard (72...600).contains(dpi) else { throw ValidationError("--dpi must be between 72 and 600, got \(dpi)") }
    }

    /// Exits 2 when the manifest cannot be used (as `shoji assess` does), 1 when the output cannot be made.
    func run() throws {
        let content: NoticeContent
        do {
            content = try NoticeContent(manifest: Manifest.load(contentsOf: URL(fileURLWithPath: manifest)))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        do {
            let url = try destination()
            switch format {
            case .html:
                try write(NoticePageRenderer(language: lang).render(content), to: url)
            case .svg, .pdf, .png:
                let svg = try SignRenderer(paper: paper, language: lang).render(content)
                switch format {
                case .png: try RasterExporter(dpi: dpi).writePNG(svg: svg, to: url)
                case .pdf: try RasterExporter(dpi: dpi).writePDF(svg: svg, to: url)
                default: try write(svg, to: url)
                }
            }
            print(url.path)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The file to write: `--output` as given, or a default name inside `--output` when it is a folder.
    private func destination() throws(NoticeCommandError) -> URL {
        let name = format == .html ? "notice-\(lang.rawValue).html" : "sign-\(paper.rawValue)-\(lang.rawValue).\(format.fileExtension)"
        let fileManager = FileManager.default
        guard let output else { return URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent(name) }
        var isDirectory: ObjCBool = false
        if output.hasSuffix("/") || (fileManager.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            guard fileManager.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .missingFolder(output)
            }
            return URL(fileURLWithPath: output).appendingPathComponent(name)
        }
        let file = URL(fileURLWithPath: output)
        let parent = file.deletingLastPathComponent().path
        guard fileManager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .missingFolder(parent)
        }
        return file
    }

    private func write(_ text: String, to url: URL) throws(NoticeCommandError) {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .unwritable(url.path, error.localizedDescription)
        }
    }
}

/// Why `shoji notice` could not write its output.
enum NoticeCommandError: Error, CustomStringConvertible {
    case missingFolder(String)
    case unwritable(String, String)

    var description: String {
        switch self {
        case .missingFolder(let path): "the output folder \(path) does not exist: create it or choose another -o"
        case .unwritable(let path, let reason): "could not write \(path) (\(reason)): check the folder's permissions"
        }
    }
}

extension NoticeLanguage: ExpressibleByArgument {}
extension PaperSize: ExpressibleByArgument {}
