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
        ("answer", "回答(理由)", "Answer (reason)"), ("sendAnswer", "回答して閉じる", "Answer and close"),
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
