/// Width estimates and line breaking for text laid out without a shaping engine.
///
/// SVG has no automatic wrapping, so the sign breaks lines itself. Widths are estimated per character in ems
/// (CJK ≈ 1 em, Latin ≈ 0.55 em, with wider capitals and narrower punctuation), erring wide so that a line
/// never runs past its box. Japanese breaks between any two characters except where kinsoku forbids it
/// (no line starts with 、。」 and the like, none ends with 「（); Latin breaks at spaces.
public enum TextMetrics {
    /// The estimated advance of one character, in ems.
    public static func advance(of character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let v = scalar.value
        if isWide(v) { return 1.0 }
        if (0xFF61...0xFF9F).contains(v) { return 0.5 }  // half-width katakana
        switch character {
        case " ": return 0.3
        case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", "`", "I": return 0.3
        case "f", "t", "r", "(", ")", "[", "]", "-", "/": return 0.4
        case "m", "w", "M", "W", "@", "%": return 0.9
        default:
            if character.isUppercase { return 0.7 }
            return 0.56
        }
    }

    /// The estimated width of `text` at `fontSize`.
    public static func width(of text: some StringProtocol, fontSize: Double) -> Double {
        text.reduce(0) { $0 + advance(of: $1) } * fontSize
    }

    /// Breaks `text` into lines no wider than `maxWidth` at `fontSize`. A single unbreakable Latin word wider
    /// than the line (a long URL) is split between characters rather than allowed to overflow.
    public static func wrap(_ text: String, fontSize: Double, maxWidth: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(String(paragraph), fontSize: fontSize, maxWidth: maxWidth)
        }
        return lines
    }

    /// A unit that is never split unless it alone is wider than a line.
    private struct Token {
        var text: String
        var isSpace: Bool
    }

    private static func wrapParagraph(_ text: String, fontSize: Double, maxWidth: Double) -> [String] {
        let limit = max(maxWidth, fontSize)  // at least one character per line, so the loop always advances
        var lines: [String] = []
        var current: [Token] = []
        var currentWidth = 0.0

        func flush() {
            while current.last?.isSpace == true { current.removeLast() }
            lines.append(current.map(\.text).joined())
            current = []
            currentWidth = 0
        }

        for token in tokens(of: text) {
            let w = width(of: token.text, fontSize: fontSize)
            if token.isSpace {
                if current.isEmpty { continue }
                current.append(token)
                currentWidth += w
                continue
            }
            if currentWidth + w <= limit {
                current.append(token)
                currentWidth += w
                continue
            }
            if w > limit {
                // An over-long word: fill the current line with as much of it as fits, then continue.
                for character in token.text {
                    let cw = advance(of: character) * fontSize
                    if currentWidth + cw > limit, !current.isEmpty { flush() }
                    current.append(Token(text: String(character), isSpace: false))
                    currentWidth += cw
                }
                continue
            }
            // Kinsoku: carry characters that must not end a line, and the character before one that must not
            // start a line, over to the next line.
            var carried: [Token] = []
            if let first = token.text.first, noLineStart.contains(first), let last = current.last, !last.isSpace,
               current.count > 1 {
                carried.insert(current.removeLast(), at: 0)
            }
            while let last = current.last, let c = last.text.last, noLineEnd.contains(c), current.count > 1 {
                carried.insert(current.removeLast(), at: 0)
            }
            flush()
            for t in carried + [token] {
                current.append(t)
                currentWidth += width(of: t.text, fontSize: fontSize)
            }
        }
        if !current.isEmpty || lines.isEmpty { flush() }
        return lines
    }

    /// Splits text into break units: each CJK character alone, runs of other non-space characters as words,
    /// and runs of spaces.
    private static func tokens(of text: String) -> [Token] {
        var result: [Token] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { result.append(Token(text: word, isSpace: false)) }
            word = ""
        }
        for character in text {
            if character == " " || character == "\u{3000}" {
                endWord()
                result.append(Token(text: String(character), isSpace: true))
            } else if let v = character.unicodeScalars.first?.value, isWide(v) || (0xFF61...0xFF9F).contains(v) {
                endWord()
                result.append(Token(text: String(character), isSpace: false))
            } else {
                word.append(character)
            }
        }
        endWord()
        return result
    }

    /// Whether a scalar is drawn full width: CJK ideographs, kana, CJK punctuation and full-width forms.
    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v) || v == 0x2025 || v == 0x2026 || v == 0x203B
    }

    /// Characters that must not begin a line (行頭禁則).
    static let noLineStart: Set<Character> = Set("、。，．・：；？！）」』】〕〉》］｝ー…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〜,.)]}:;!?%")
    /// Characters that must not end a line (行末禁則).
    static let noLineEnd: Set<Character> = Set("（「『【〔〈《［｛([{")
}
