import Foundation
import ShojiPolicy
import ShojiRender
import ShojiStore

extension DisclosureDocument {
    /// The page a person receives for `disclosure`, with times in `timeZone`: what `shoji requests disclose`
    /// writes and what the console shows the operator who answers a request.
    public init(_ disclosure: Disclosure, operatorName: String, timeZone: TimeZone) {
        func text(_ ja: String, _ en: String) -> LocalizedText { LocalizedText(ja: ja, en: en) }
        func same(_ value: String) -> LocalizedText { LocalizedText(ja: value, en: value) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        func when(_ date: Date?) -> String { date.map { formatter.string(from: $0) } ?? "-" }
        let request = disclosure.request
        var sections = [Section(id: "request", title: text("ご請求", "Your request"), items: [
            Item(label: text("受付番号", "Request number"), value: same(request.requestID.uuidString.lowercased())),
            Item(label: text("受付日", "Received on"), value: same(request.receivedOn)),
            Item(label: text("ご希望の方法", "Method you asked for"), value: same(request.requestedMethod)),
            Item(label: text("回答日時", "Answered at"), value: same(when(disclosure.madeAt))),
            Item(label: text("時刻の表示", "Times shown in"), value: same(timeZone.identifier)),
        ] + (request.answerNote.map { [Item(label: text("備考", "Note"), value: same($0))] } ?? []))]
        if disclosure.holdsNothing, request.photoCompared {
            sections.append(Section(id: "held", title: text("保有しているデータ", "Data held"),
                                    note: text("お送りいただいた写真に一致する個人データは保有していません。写真と特徴量は照合後直ちに破棄しました。",
                                               "We hold no personal data matching the photo you sent. The photo and its features were discarded right after the comparison.")))
        } else if disclosure.holdsNothing {
            // Without a photo nothing could be looked up: say so, rather than that nothing is held.
            sections.append(Section(id: "held", title: text("保有しているデータ", "Data held"),
                                    note: text("ご請求には写真がなかったため、顔の特徴量による照合は行っていません。当社は氏名や連絡先で来店者を記録していません。照合をご希望の場合は、写真を添えて改めてご請求ください。",
                                               "Your request came without a photo, so nothing was compared by face. We do not record visitors by name or contact. To have your face compared, send the request again with a photo.")))
        }
        for visitor in disclosure.visitors {
            sections.append(Section(
                id: "visitor-\(visitor.visitorID)", title: text("再来店分析（仮名の来店者番号）", "Repeat-visit analysis (pseudonymous visitor number)"),
                note: text("顔画像は保存していません。顔の特徴量を暗号化して保存し、期限に消去します。",
                           "No face image is kept. Face features are kept encrypted and erased at their expiry."),
                items: [
                    Item(label: text("来店者番号", "Visitor number"), value: same(visitor.visitorID)),
                    Item(label: text("保存している特徴量", "Face feature vectors kept"), value: same("\(visitor.vectors)")),
                    Item(label: text("特徴量の消去期限", "Vectors erased by"), value: same(when(visitor.vectorsErasedBy))),
                ],
                columns: [text("来店日時", "Visited at"), text("カメラ", "Camera")],
                rows: visitor.visits.map { [when($0.visitedAt), $0.cameraID] }))
        }
        if !disclosure.watchlist.isEmpty {
            sections.append(Section(
                id: "watchlist", title: text("防犯目的の照合用データベースへの登録", "Registration for crime-prevention face identification"),
                note: text("登録は客観的な根拠に基づき、登録者とは別の責任者が承認しています。",
                           "Registrations rest on objective evidence and were approved by a responsible person other than the registrant."),
                columns: [text("登録番号", "Entry"), text("区分", "Category"), text("登録日", "Registered"), text("状態", "Status"), text("期限", "Until")],
                rows: disclosure.watchlist.map {
                    [$0.entryID.uuidString.lowercased(), $0.category, when($0.registeredAt), $0.status.rawValue, when($0.expiresAt)]
                }))
        }
        if !disclosure.optOuts.isEmpty {
            sections.append(Section(
                id: "opt-out", title: text("利用停止（オプトアウト）", "Stop of use (opt-out)"),
                note: text("この一覧の方は、再来店分析で記録される前に除外されます。", "People on this list are dropped before the repeat-visit analysis records anything."),
                columns: [text("受付番号", "Request"), text("期限", "Until")],
                rows: disclosure.optOuts.map { [$0.requestID, when($0.expiresAt)] }))
        }
        self.init(operatorName: same(operatorName), sections: sections)
    }
}
