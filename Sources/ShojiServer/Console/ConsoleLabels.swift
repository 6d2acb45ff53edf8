/// Every label the pages show, in the page's language.
enum ConsoleLabels {
    /// The labels for `language`, as the templates' `t` object.
    static func labels(_ language: ConsoleLanguage) -> [String: String] {
        var labels: [String: String] = [:]
        for (key, ja, en) in table { labels[key] = language.pick(ja, en) }
        return labels
    }

    private static let table: [(String, String, String)] = [
        ("overview", "概要", "Overview"), ("watchlist", "登録リスト", "Watchlist"), ("alerts", "照合アラート", "Match alerts"),
        ("requests", "開示等の請求", "Requests"), ("audit", "監査ログ", "Audit log"), ("logout", "ログアウト", "Log out"),
        ("login", "ログイン", "Log in"), ("tenant", "事業者 ID", "Tenant"), ("user", "ユーザー名", "User"),
        ("secret", "パスワード", "Secret"), ("back", "戻る", "Back"),
        ("noDeployments", "このサーバーにはまだ配備がありません。", "No deployment on this server yet."),
        ("cameras", "カメラ", "Cameras"), ("findings", "評価結果", "Assessment"), ("unmet", "義務違反", "unmet obligations"),
        ("missing", "不足項目", "missing items"), ("recommendations", "推奨", "recommendations"),
        ("notice", "公表ページ", "Notice page"), ("sign", "掲示", "Sign"), ("congestion", "混雑状況", "Congestion"),
        ("cameraStatus", "カメラの稼働状況", "Cameras running"), ("deployment", "配備", "Deployment"), ("camera", "カメラ", "Camera"),
        ("state", "状態", "State"), ("frames", "解析フレーム", "Frames analysed"), ("dropped", "欠落", "Dropped"),
        ("approved", "承認", "approved"), ("requestForm", "開示等の請求フォーム", "Request form"), ("rule", "規則", "Rule"),
        ("status", "状態", "Status"), ("title", "項目", "Item"), ("reason", "理由", "Reason"),
        ("noWatchlist", "登録リストを使う配備はありません。", "No deployment runs a watchlist."),
        ("entry", "登録", "Entry"), ("category", "区分", "Category"), ("evidence", "客観的根拠", "Evidence"),
        ("registeredBy", "登録者", "Registered by"), ("approve", "承認する", "Approve"),
        ("noAlerts", "確認待ちのアラートはありません。", "No alert waits for review."), ("time", "日時", "Time"),
        ("distance", "距離", "Distance"), ("confirm", "本人と確認", "Confirm"), ("dismiss", "別人として却下", "Dismiss"),
        ("noRequests", "請求はありません。", "No request."), ("ticket", "受付番号", "Ticket"), ("kind", "請求の種類", "Kind"),
        ("received", "受付日", "Received"), ("deadline", "回答期限", "Answer by"), ("contact", "連絡先", "Contact"),
        ("answer", "不開示等の理由", "Reason for refusing"), ("sendAnswer", "理由を付して断る", "Refuse with this reason"),
        ("lookup", "照合", "Lookup"), ("answerNote", "備考(請求と異なる方法で回答する場合の理由)", "Note (why, if answered another way than asked)"),
        ("disclose", "開示する", "Disclose"), ("stopUse", "利用停止する", "Stop use"), ("erase", "消去する", "Erase"),
        ("incidents", "漏えい等事案", "Incidents"), ("noIncidents", "記録された事案はありません。", "No incident recorded."),
        ("incidentRecord", "事案を記録する(shoji incident assess と同じ YAML)", "Record an incident (the YAML shoji incident assess reads)"),
        ("record", "記録する", "Record"), ("verdict", "判定", "Verdict"), ("awareOn", "認識日", "Aware on"),
        ("nextDeadline", "次の期限", "Next deadline"), ("summary", "概要", "Summary"), ("due", "期限", "Due"),
        ("targetDay", "目安", "Target"), ("doneOn", "実施日", "Done on"), ("draftReport", "報告書の下書き", "Draft report"),
        ("incidentFile", "記録された事案ファイル", "The incident file as recorded"), ("recordedBy", "記録者", "Recorded by"),
        ("photo", "顔写真(任意・再来店分析や防犯照合の確認用。照合はメモリ上でのみ行い、写真も特徴量も保存しません)",
         "Face photo (optional: to look up repeat-visit or watchlist data; compared in memory only, neither photo nor features are kept)"),
        ("photoCompared", "写真は照合に使い、直ちに破棄しました。", "Your photo was compared and discarded at once."),
        ("photoUnused", "この配備は個人を識別しないため、写真は使わずに破棄しました。", "This deployment identifies no one, so your photo was discarded unused."),
        ("actor", "実行者", "Actor"), ("action", "操作", "Action"), ("target", "対象", "Target"), ("detail", "詳細", "Detail"),
        ("requestIntro", "カメラ画像から作られた、あなたに関するデータの開示・利用停止・消去を請求できます。受付番号で進み具合を確認できます。",
         "You may ask what data made from camera images is held about you, that its use stop, or that it be erased. A ticket lets you follow your request."),
        ("kindDisclosure", "開示(保有しているデータを知る)", "Disclosure (what is held)"),
        ("kindStop", "利用停止", "Stop of use"), ("kindErasure", "消去", "Erasure"),
        ("method", "回答方法", "Answer by"), ("electronic", "電子メール等の電磁的方法", "Electronically"),
        ("paper", "書面", "On paper"), ("send", "送信する", "Send"),
        ("filed", "請求を受け付けました。この受付番号を控えてください。", "Your request was received. Keep this ticket."),
        ("closed", "回答日", "Answered"),
        ("ticketKeep", "回答は、ご指定の連絡先へお送りします。このページには回答の内容は表示されません。",
         "The answer goes to the contact you gave; this page never shows what it says."),
    ]
}
