extension RuleCatalogue {
    /// On-site notice and prior notice.
    static let noticeRules: [Rule] = [
        Rule(
            id: "NOT-01", chapter: .notice,
            title: L("取得主体・画像の内容・利用目的・問い合わせ先を掲示するか、掲載したURL/QRコードを示すこと", "Show operator, image content, purpose and contact on site, or a URL/QR code of a page with them"),
            sources: [.qa1_11Items], strength: .ppcRecommendation,
            applies: { context in
                context.manifest.acquiresPersonalInformation
                    ? .yes("本人を判別可能なカメラ画像を取得します。", "Identifiable camera images are acquired.")
                    : .no("本人を判別可能な画像を取得しません。", "No identifiable image is acquired.")
            },
            check: { context in
                let items = context.manifest.notice.signItems
                let full: [NoticePlan.SignItem] = [.operator, .dataTypes, .purpose, .contact]
                let missingFull = full.filter { !items.contains($0) }
                if missingFull.isEmpty {
                    return .yes("掲示に取得主体・画像の内容・利用目的・問い合わせ先があります。", "The sign shows operator, data types, purpose and contact.")
                }
                if items.contains(.url), let url = context.manifest.notice.priorNoticeURL {
                    return .yes("掲示のURL/QRコードから \(url) で確認できます。", "The sign's URL/QR code leads to \(url).")
                }
                return .no("掲示に不足する項目があり、詳細ページのURLも示していません。", "The sign lacks items and shows no URL of a page with them.",
                           missing: missingFull.map { "notice.signage.items: \($0.rawValue)" } + ["notice.signage.items: url"])
            },
            remedy: L("不足する項目を掲示に加えるか、事前告知ページのURLとQRコードを掲示してください。", "Add the missing items to the sign, or show the prior-notice page's URL and QR code.")),
        Rule(
            id: "NOT-02", chapter: .notice,
            title: L("撮影場所で最低限通知すべき項目を掲示すること", "Show the minimum items where people are filmed"),
            sources: [.gb4_6], strength: .guidebookRecommendation,
            applies: { context in
                context.commercialPurposes.isEmpty
                    ? .no("商業目的の利用はありません（ガイドブックは防犯目的を対象外とします）。", "No commercial purpose (the guidebook excludes crime prevention).")
                    : .yes("商業目的のカメラ画像利活用です。", "Commercial camera-image analytics.")
            },
            check: { context in
                let required: [NoticePlan.SignItem] = [.operating, .operator, .purpose, .contact, .url]
                let missing = required.filter { !context.manifest.notice.signItems.contains($0) }
                return .when(missing.isEmpty,
                    yes: ("撮影中である旨・運用実施主体・利用目的・問い合わせ先・詳細情報のURLを掲示しています。", "The sign shows operation, operator, purpose, contact and the URL of details."),
                    no: ("掲示に不足する項目：\(missing.map(\.rawValue).joined(separator: ", "))。", "Items missing from the sign: \(missing.map(\.rawValue).joined(separator: ", "))."),
                    missing: missing.map { "notice.signage.items: \($0.rawValue)" })
            },
            remedy: L("撮影中である旨、運用実施主体、利用目的、問い合わせ先、詳細（事前告知）のURL/QRコードを掲示してください。", "Show operation, operator, purpose, contact and a URL/QR code of the prior notice.")),
        Rule(
            id: "NOT-03", chapter: .notice,
            title: L("取得開始前に事前告知を行うこと", "Give prior notice before acquisition starts"),
            sources: [.gb4_5], strength: .guidebookRecommendation,
            applies: { context in
                context.commercialPurposes.isEmpty
                    ? .no("商業目的の利用はありません。", "No commercial purpose.")
                    : .yes("商業目的のカメラ画像利活用です。", "Commercial camera-image analytics.")
            },
            check: { context in
                let notice = context.manifest.notice
                guard let day = notice.priorNoticePublishedOn, notice.priorNoticeURL != nil else {
                    return .no("事前告知ページがありません。", "There is no prior-notice page.", missing: ["notice.prior_notice"])
                }
                return .when(day <= context.manifest.startsOn,
                    yes: ("事前告知を \(day) に公表し、取得開始は \(context.manifest.startsOn) です。", "Prior notice published \(day); acquisition starts \(context.manifest.startsOn)."),
                    no: ("事前告知（\(day)）が取得開始（\(context.manifest.startsOn)）より後です。", "Prior notice (\(day)) comes after acquisition start (\(context.manifest.startsOn))."),
                    missing: ["notice.prior_notice.published_on"])
            },
            remedy: L("運用実施主体、利用目的、取得するデータと処理、撮影範囲、保存期間、第三者提供の有無、問い合わせ先を取得開始前にWebで公表してください。",
                      "Publish operator, purpose, data and processing, filmed area, retention, third parties and contact on the web before acquisition starts.")),
        Rule(
            id: "NOT-04", chapter: .notice,
            title: L("撮影範囲に入る前に見える位置に掲示すること", "Place the sign where it is seen before entering the filmed area"),
            sources: [.gb4_6], strength: .guidebookRecommendation,
            applies: { context in
                context.manifest.notice.hasSign ? .yes("現地掲示があります。", "There is an on-site sign.") : .no("現地掲示がありません（ACQ-01/NOT-02を参照）。", "There is no sign (see ACQ-01/NOT-02).")
            },
            check: { context in
                .when(context.manifest.notice.signBeforeFilmedArea,
                      yes: ("撮影範囲の手前に掲示しています。", "The sign is placed before the filmed area."),
                      no: ("掲示が撮影範囲の手前にあるとされていません。", "The sign is not declared to be before the filmed area."),
                      missing: ["notice.signage.before_filmed_area"])
            },
            remedy: L("入口の外側など、撮影される前に目に入る位置に掲示してください。", "Place the sign outside the entrance, where it is seen before people are filmed.")),
        Rule(
            id: "NOT-05", chapter: .notice,
            title: L("顔識別を行っていることを掲示すること", "Show on the sign that face identification is used"),
            sources: [.ppc2023, .qa1_11Items], strength: .ppcRecommendation,
            applies: { context in
                context.identifiesFaces ? .yes("顔識別を行います。", "Face identification is used.") : .no("顔識別は行いません。", "No face identification.")
            },
            check: { context in
                .when(context.manifest.notice.signItems.contains(.faceIdentification),
                      yes: ("掲示に顔識別の利用を明記しています。", "The sign states that face identification is used."),
                      no: ("掲示に顔識別の利用が書かれていません。", "The sign does not state that face identification is used."),
                      missing: ["notice.signage.items: face_identification"])
            },
            remedy: L("「顔識別機能付きカメラ作動中」と掲示し、運用ルールの掲載先を示してください。", "Show 'camera with face identification in operation' and where the operating rules are published.")),
    ]
}
