/// Escaping for XML and HTML text and attribute values.
///
/// Every string that reaches an SVG or HTML document from a manifest goes through `escape`, so an operator
/// name such as `A&B <Store>` can neither break the document nor inject markup into a public page.
public enum Markup {
    /// Escapes `&`, `<`, `>`, `"` and `'` so the result is safe in element content and in quoted attributes.
    /// Control characters that XML 1.0 forbids are dropped, because rsvg refuses a document that holds them.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
