import Foundation

/// Reading and writing the MOTChallenge / MOT15 text format: one comma-separated line per box,
/// `frame,id,bb_left,bb_top,bb_width,bb_height,conf,x,y,z` (columns after `conf` are ignored on reading;
/// `conf` defaults to 1 when absent). Blank lines and lines starting with `#` are skipped.
public enum MOTFormat {
    /// Parses MOT text; the first bad line is reported with its number.
    public static func parse(_ text: String) throws(MOTFormatError) -> [MOTRecord] {
        var records: [MOTRecord] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 6 else { throw .tooFewFields(line: lineNumber, found: fields.count) }
            let names = ["frame", "id", "x", "y", "width", "height", "confidence"]
            var numbers: [Double] = []
            for (index, field) in fields.prefix(7).enumerated() {
                guard let value = Double(field), !value.isNaN else {
                    throw .notANumber(line: lineNumber, field: names[index], text: String(field))
                }
                numbers.append(value)
            }
            for index in 0..<2 {
                guard numbers[index] == numbers[index].rounded(), abs(numbers[index]) < 1e15 else {
                    throw .notANumber(line: lineNumber, field: names[index], text: fields[index])
                }
            }
            let box = BoundingBox(x: numbers[2], y: numbers[3], width: numbers[4], height: numbers[5])
            guard box.x.isFinite, box.y.isFinite, box.width.isFinite, box.height.isFinite,
                  box.width >= 0, box.height >= 0 else { throw .invalidBox(line: lineNumber) }
            records.append(MOTRecord(frame: Int(numbers[0]), id: Int(numbers[1]), box: box,
                                     confidence: numbers.count > 6 ? numbers[6] : 1))
        }
        return records
    }

    /// Reads and parses a MOT file.
    public static func read(contentsOf url: URL) throws(MOTFormatError) -> [MOTRecord] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(text)
    }

    /// Formats records as MOT text (`frame,id,x,y,w,h,conf,-1,-1,-1`), sorted by frame then id, as the
    /// MOTChallenge result format expects.
    public static func format(_ records: [MOTRecord]) -> String {
        var out = ""
        for r in records.sorted(by: { ($0.frame, $0.id) < ($1.frame, $1.id) }) {
            out += "\(r.frame),\(r.id),\(number(r.box.x)),\(number(r.box.y)),\(number(r.box.width)),"
            out += "\(number(r.box.height)),\(number(r.confidence)),-1,-1,-1\n"
        }
        return out
    }

    /// Up to three decimals, without trailing zeros, independent of locale.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
