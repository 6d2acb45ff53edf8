extension RuleCatalogue {
    /// Acquisition and recognisability.
    static let acquisitionRules: [Rule] = [
        Rule(
            id: "ACQ-01", chapter: .acquisition,
            title: L("カメラによる取得を本人が容易に認識できるようにすること（隠し撮りの禁止）", "Make the capture easily recognisable (no covert capture)"),
            sources: [.art20_1, .qa1_11Recognisable, .qa1_13_3Recognisable], strength: .legalObligation,
            applies: { context in
                let hidden = context.unnoticeableCameras
                let faces = context.faceFeatureUseCases
                if hidden.isEmpty && faces.isEmpty {
                    return .no("見えにくいカメラはなく、顔特徴データも扱いません（ACQ-02を参照）。", "No hard-to-notice camera and no face data (see ACQ-02).")
                }
                var ja: [String] = [], en: [String] = []
                if !hidden.isEmpty {
                    ja.append("カメラ \(context.ids(hidden)) は容易に気付かれない（非表示または機器内蔵）")
                    en.append("cameras \(context.ids(hidden)) are not easily noticed (hidden or built into a device)")
                }
                if !faces.isEmpty {
                    ja.append("\(context.names(faces)) は顔画像から特徴量を取得する")
                    en.append("\(context.names(faces)) extract face features from images")
                }
                return .yes(ja.joined(separator: "。") + "。", en.joined(separator: "; ").capitalizedFirst + ".")
            },
            check: { context in
                .when(context.manifest.notice.signItems.contains(.operating),
                      yes: ("「カメラ作動中」を現地に掲示しています。", "The sign shows that the camera is operating."),
                      lacking: ("カメラが作動中であることの掲示がありません。掲示がなければ容易に認識可能とはいえません。", "No sign shows that the camera is operating; without it the capture is not easily recognisable."),
                      items: ["notice.signage.items: operating"])
            },
            remedy: L("入口や設置場所、機器の表示面に「カメラ作動中」を掲示してください（`shoji notice` で掲示物を作成できます）。",
                      "Put a 'camera in operation' sign at the entrance, the camera or on the device (`shoji notice` renders one).")),
        Rule(
            id: "ACQ-02", chapter: .acquisition,
            title: L("見えるカメラでも作動中である旨を掲示すること", "Show that visible cameras operate too"),
            sources: [.qa1_11Conventional, .art20_1], strength: .ppcRecommendation,
            applies: { context in
                let identifiable = context.identifiableCameras
                if identifiable.isEmpty {
                    return .no("本人を判別可能な画像を撮影するカメラはありません。", "No camera captures identifiable images.")
                }
                return context.unnoticeableCameras.isEmpty && context.faceFeatureUseCases.isEmpty
                    ? .yes("カメラ \(context.ids(identifiable)) は見える位置にあり本人を判別可能な画像を撮影します。", "Cameras \(context.ids(identifiable)) are visible and capture identifiable images.")
                    : .no("ACQ-01（法的義務）が適用されます。", "ACQ-01 (legal obligation) applies instead.")
            },
            check: { context in
                .when(context.manifest.notice.signItems.contains(.operating),
                      yes: ("「カメラ作動中」を掲示しています。", "A 'camera in operation' sign is shown."),
                      no: ("「カメラ作動中」の掲示がありません。", "No 'camera in operation' sign."),
                      missing: ["notice.signage.items: operating"])
            },
            remedy: L("撮影範囲に入る前に見える位置へ「カメラ作動中」を掲示してください。", "Put a 'camera in operation' sign where people see it before entering the filmed area.")),
    ]
}

extension String {
    /// The string with its first letter capitalised.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
