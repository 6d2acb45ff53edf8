import Foundation
import Hummingbird
import Mustache
import ShojiStore

/// Renders the console's and the public pages' templates (``ConsoleTemplates``) with what every page shows: the
/// language, its labels, the switch to the other language, the CSRF token for forms and the signed-in user.
enum ConsolePages {
    /// The templates, parsed once; a template that does not parse is a programming error caught by every test.
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in ConsoleTemplates.all {
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name) does not parse: \(error)") }
        }
        return library
    }()

    /// `template` filled with `values` and the page's common values. A nil value leaves its key out, so that a
    /// section such as `{{#problem}}` is not shown (an optional passed as a value would print "nil").
    static func render(_ template: String, title: String, context: ShojiRequestContext, _ values: [String: Any?] = [:]) -> String {
        var object = common(title: title, language: context.language, csrf: context.csrfToken)
        if let user = context.identity {
            object["user"] = true
            object["name"] = user.name
            object["role"] = user.role.rawValue
            object["tenant"] = user.tenant
        }
        object.merge(values.compactMapValues { $0 }) { _, new in new }
        return library.render(object, withTemplate: template) ?? "template \(template) missing"
    }

    /// The HTML page for an error (no user details: it is also shown to the public).
    static func errorPage(status: HTTPResponse.Status, message: String, language: ConsoleLanguage) -> String {
        var object = common(title: "\(status.code)", language: language, csrf: "")
        object["status"] = "\(status.code) \(status.reasonPhrase)"
        object["message"] = message
        return library.render(object, withTemplate: "error") ?? message
    }

    private static func common(title: String, language: ConsoleLanguage, csrf: String) -> [String: Any] {
        ["lang": language.rawValue, "title": title, "t": ConsoleLabels.labels(language), "otherLang": language.other.rawValue,
         "otherLangName": language.otherName, "csrf": csrf]
    }

    /// `date` as the page shows it: in `zone`, to the minute.
    static func time(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The console's style sheet: served by Shoji itself, so the Content-Security-Policy allows no other origin.
    static let styleSheet = """
        body{font-family:"Noto Sans CJK JP","Hiragino Sans",sans-serif;margin:0;color:#222;background:#fafafa}
        header{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#1f3b5c;color:#fff;flex-wrap:wrap}
        header a{color:#fff;text-decoration:none}header nav{display:flex;gap:1em}.brand{font-weight:bold;font-size:1.2em}
        .who{margin-left:auto;font-size:.9em}.lang{border:1px solid #fff;padding:0 .4em;border-radius:3px}
        main{padding:1em 1.5em;max-width:1400px}table{border-collapse:collapse;margin:.5em 0;background:#fff}
        td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;font-size:.9em;vertical-align:top}
        .charts{display:flex;flex-wrap:wrap;gap:.5em}.charts img{background:#fff;border:1px solid #ddd;max-width:100%;height:auto}
        .site{border-bottom:1px solid #ccc;padding-bottom:1em}.tag{background:#e4ecf5;border-radius:3px;padding:0 .3em}
        .problem{color:#a00;font-weight:bold}.ok{color:#060;font-weight:bold}.overdue{background:#fee}
        .unmet_obligation{background:#fdd}.missing_item{background:#ffe9c6}.inline{display:inline}
        .stack{display:flex;flex-direction:column;gap:.6em;max-width:34em}.stack input,.stack select{width:100%}
        .stack input[type=radio]{width:auto;margin-right:.4em}.stack fieldset label{display:block}.stack textarea{width:100%;font-family:monospace}
        pre{white-space:pre-wrap;background:#fff;padding:.6em;border:1px solid #ddd}
        .icons li{list-style:none;padding:.2em .5em;margin:.2em;border-radius:3px;display:inline-block}
        .level-0{background:#cfe8cf}.level-1{background:#fff1b3}.level-2{background:#ffd0a6}.level-3{background:#f6a5a5}
        .sign{border:1px solid #ccc;background:#fff;max-width:100%}code{font-size:.85em}
        """
}
