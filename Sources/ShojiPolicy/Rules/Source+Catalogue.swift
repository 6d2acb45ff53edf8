/// The citations the catalogue relies on, each written once. Q&A numbers follow the seed document (PPC Q&A as
/// updated in September 2021, which cites pre-2022 article numbers); where the current Q&A number is known from
/// RULES.md it is given beside it.
extension Source {
    // MARK: PPC Q&A (seed document 000_6196c0ad573e08c0.txt)

    /// Q1-11 ¶1: purpose specified as far as possible, use within it, published in advance or notified.
    public static let qa1_11Purpose = qa("Q1-11 ¶1", excerpt: "個人情報の利用目的をできる限り特定し、当該利用目的の範囲内でカメラ画像や顔認証データを利用しなければなりません。また、個人情報の利用目的をあらかじめ公表するか、又は個人情報の取得後速やかに本人に通知若しくは公表する必要があります。", current: "Q1-13/Q1-14")
    /// Q1-11 ¶2: face data for crime prevention cannot be predicted; the purpose must let the person foresee it.
    public static let qa1_11FaceData = qa("Q1-11 ¶2", excerpt: "防犯のためにカメラ画像及び顔認証技術を用いた顔認証データの取扱いが行われることを本人が予測・想定できるように利用目的を特定し、これをあらかじめ公表又はその取得後速やかに通知・公表する必要があると考えられます。", current: "Q1-14")
    /// Q1-11 ¶3: the camera's operation must be easily recognisable.
    public static let qa1_11Recognisable = qa("Q1-11 ¶3", excerpt: "防犯カメラが作動中であることを店舗の入口や設置場所等に掲示する等、防犯カメラにより自らの個人情報が取得されていることを本人において容易に認識可能とするための措置を講ずる必要があります。", current: "Q1-13")
    /// Q1-11 ¶3: the items to show on site or through a URL or QR code.
    public static let qa1_11Items = qa("Q1-11 ¶3", excerpt: "カメラ画像の取得主体、カメラ画像の内容、カメラ画像及び顔認証データの利用目的、問い合わせ先等を本人が確認できるよう、これらを店舗の入口や設置場所等に明示するか、又は、これらを掲載したWEBサイトのURL又はQRコード等を示すことが考えられます。", current: "Q1-13")
    /// Q1-11 ¶4: a systematically organised database makes the images personal data.
    public static let qa1_11Database = qa("Q1-11 ¶4", excerpt: "カメラ画像や顔認証データを体系的に構成して個人情報データベース等を構築した場合、個々のカメラ画像や顔認証データを含む情報は個人データに該当する")
    /// Q1-11 ¶5: conventional crime-prevention cameras: purpose obvious, notice unnecessary, a sign desirable.
    public static let qa1_11Conventional = qa("Q1-11 ¶5", excerpt: "従来型の防犯カメラの場合には、「取得の状況からみて利用目的が明らか」（法第18条第４項第４号）であることから、利用目的の通知・公表は不要と考えられますが、…容易に認識可能とするための措置を講ずることが望ましいと考えられます。", current: "Q1-13")
    /// Q1-12: repurposing crime-prevention data for commercial aims needs prior consent.
    public static let qa1_12 = qa("Q1-12", excerpt: "当初防犯目的のために取得したカメラ画像やそこから得られた顔認証データを、マーケティング等の商業目的のために利用する場合には、あらかじめ本人の同意を得る必要があります（法第16条第１項）。", current: "Q1-15")
    /// Q1-13-2 ¶2: register only what the purpose needs and keep data accurate and up to date.
    public static let qa1_13_2Minimum = qa("Q1-13-2 ¶2", excerpt: "特定された利用目的の達成のために必要最小限の範囲内において顔認証システムへの登録を行い、個人データを正確かつ最新の内容に保つ必要があります。")
    /// Q1-13-2 ¶3: internal registration rules, objective evidence (e.g. a damage report), a responsible approver.
    public static let qa1_13_2Criteria = qa("Q1-13-2 ¶3", excerpt: "どのような基準でデータベースに登録するか社内ルールを設定し、…例えば被害届の有無により判断を行うなど客観的に犯罪・迷惑行為が確認されるケース等に限定するとともに、事業者内で責任を有する者により登録の必要性と正確性について確認が行われる体制を整えること等が重要です。")
    /// Q1-13-3 ¶1: a camera in a display must be made recognisable.
    public static let qa1_13_3Recognisable = qa("Q1-13-3 ¶1", excerpt: "偽りその他不正の手段による取得とならないよう、カメラが作動中であることを掲示する等、カメラにより自らの個人情報が取得されていることを本人において容易に認識可能とするための措置を講ずる必要があります。", current: "Q1-16")
    /// Q1-13-3 ¶2: advertising customised from attributes identifies the person even if the image is deleted.
    public static let qa1_13_3Ads = qa("Q1-13-3 ¶2", excerpt: "当該顔画像を直ちに廃棄したとしても、当該顔画像について、特定の個人を識別した上で、広告配信を行っていると解されます。このため、…顔画像から抽出した属性情報に基づき広告配信が行われることを本人が予測・想定できるように利用目的を特定し、これを通知・公表する", current: "Q1-16")
    /// Q2-1 ¶1: purposes must be specific; 「お客様のサービスの向上」 is not.
    public static let qa2_1Specific = qa("Q2-1 ¶1", excerpt: "単に「お客様のサービスの向上」等のような抽象的、一般的な内容を利用目的とすることは、できる限り具体的に特定したことにはならないと解されます。")
    /// Q2-1 ¶2: profiling must be included in the purpose.
    public static let qa2_1Profiling = qa("Q2-1 ¶2", excerpt: "いわゆる「プロファイリング」といった、本人に関する行動・関心等の情報を分析する処理を行う場合には、分析結果をどのような目的で利用するかのみならず、前提として、かかる分析処理を行うことを含めて、利用目的を特定する必要があります。")
    /// Q5-26-2: a vendor that alone handles the data and gives only statistics is not a processor.
    public static let qa5_26_2 = qa("Q5-26-2", excerpt: "外部事業者のみがアンケート調査に係る個人データを取り扱っており、調査を依頼した事業者が一切個人データの取扱いに関与しない場合は、通常、当該個人データに関しては取扱いの委託をしていないと解されます。…調査を依頼した事業者が当該個人データの内容を確認できる場合は、当該個人データに関して取扱いの委託をしていると解されます。")
    /// Q5-26-4: a processor may not make statistics for itself outside the entrusted work.
    public static let qa5_26_4 = qa("Q5-26-4", excerpt: "委託された業務の範囲外で委託先が当該加工を行い、作成された統計情報を自社のために用いることはできません。")
    /// Q5-26-5: a processor may improve its analysis technology within the controller's purpose.
    public static let qa5_26_5 = qa("Q5-26-5", excerpt: "委託先は、委託元の利用目的の達成に必要な範囲内である限りにおいて、委託元から提供された個人データを、自社の分析技術の改善のために利用することができます。")
    /// Q5-26-6: data obtained through entrusted data stays within the entrusted work.
    public static let qa5_26_6 = qa("Q5-26-6", excerpt: "個人データの取扱いの委託を受けた者は、当該個人データのみならず、当該個人データを利用して取得した個人データについても、委託された業務以外に取り扱うことはできません。")
    /// Q5-26-7 ①: no person-by-person matching across clients.
    public static let qa5_26_7Match = qa("Q5-26-7 ①", excerpt: "複数の委託を受ける委託先は、各委託元から委託に伴って提供を受けた個人データを本人ごとに突合することはできません。")
    /// Q5-26-7 ②: pooling clients' data into one statistic without matching persons is allowed.
    public static let qa5_26_7Pool = qa("Q5-26-7 ②", excerpt: "本人ごとに突合していないため、…サンプルとなるデータ数を増やす目的で合わせて１つの統計情報を作成することができます。")

    // MARK: Statute, rules, guidelines

    /// Art. 17(1): specify the purpose as far as possible.
    public static let art17_1 = appi(.purposeSpecification, "(1)", excerpt: "利用の目的をできる限り特定しなければならない。")
    /// Art. 17(2): change of purpose within what is reasonably related.
    public static let art17_2 = appi(.purposeSpecification, "(2)")
    /// Art. 18(1): no use beyond the purpose without consent.
    public static let art18_1 = appi(.useLimitation, "(1)")
    /// Art. 19: no inappropriate use.
    public static let art19 = appi(.inappropriateUse)
    /// Art. 20(1): no acquisition by deception or other wrongful means.
    public static let art20_1 = appi(.properAcquisition, "(1)")
    /// Art. 21(1): notify or publish the purpose.
    public static let art21_1 = appi(.noticeOfPurpose, "(1)")
    /// Art. 21(3): notify or publish a changed purpose.
    public static let art21_3 = appi(.noticeOfPurpose, "(3)")
    /// Art. 21(4)(iv): exception when the purpose is obvious from the circumstances.
    public static let art21_4_iv = appi(.noticeOfPurpose, "(4)(iv)")
    /// Art. 22: accuracy; delete without delay when no longer needed (duty to endeavour).
    public static let art22 = appi(.accuracyAndDeletion)
    /// Art. 23: safety management measures.
    public static let art23 = appi(.safetyManagement)
    /// Art. 25: supervision of processors.
    public static let art25 = appi(.processorSupervision)
    /// Art. 26: breach reporting.
    public static let art26 = appi(.breachReporting)
    /// Art. 27(1): third-party provision needs consent.
    public static let art27_1 = appi(.thirdPartyProvision, "(1)")
    /// Art. 27(5)(i): entrustment is not third-party provision.
    public static let art27_5_i = appi(.thirdPartyProvision, "(5)(i)")
    /// Art. 27(5)(iii): joint use.
    public static let art27_5_iii = appi(.thirdPartyProvision, "(5)(iii)")
    /// Art. 28: provision to third parties abroad.
    public static let art28 = appi(.foreignProvision)
    /// Art. 29: provision records.
    public static let art29 = appi(.provisionRecords)
    /// Art. 32(1): publish matters on retained personal data.
    public static let art32_1 = appi(.publicationOfMatters, "(1)")
    /// Art. 33: disclosure, including by electronic means.
    public static let art33 = appi(.disclosure, "(1)-(3)")
    /// Art. 34: correction.
    public static let art34 = appi(.correction)
    /// Art. 35: suspension of use and erasure (widened by Art. 35(5) in 2022).
    public static let art35 = appi(.suspension)
    /// Art. 16(4): retained personal data, no longer excluding data erased within six months.
    public static let art16_4 = Source(kind: .appi, reference: "Art. 16(4)", former: "Art. 2(7)")
    /// Art. 2(2)(i): face feature data are individual identification codes.
    public static let art2_2 = appi(.definitions, "(2)(i)")
    /// Cabinet Order Art. 10 (was 8): further Art. 32 items, including safety measures.
    public static let order10 = Source(kind: .cabinetOrder, reference: "Art. 10", former: "Art. 8")
    /// PPC Guidelines 3-5-2: internal response to any leak.
    public static let gl3_5_2 = Source(kind: .ppcGuidelines, reference: "3-5-2")
    /// PPC Q&A on joint use of crime-prevention data (current numbering).
    public static let qa7_50 = Source(kind: .ppcQA, reference: "Q7-50 (current numbering)")
    /// PPC Q&A on storage-only cloud services (current numbering, recalled).
    public static let qaCloud = Source(kind: .ppcQA, reference: "Q7-53 (current numbering; cloud services)")
    /// PPC 2023 document on face-identification systems.
    public static let ppc2023 = Source(kind: .ppcFaceID2023, reference: "(2023-03)")

    // MARK: Guidebook ver3.0 (seed document 003_5fe4527c74a7eba9.txt and RULES.md §12)

    /// §3.2(1): legitimate purpose, necessity, appropriate method.
    public static let gb3_2_1 = guidebook("§3.2(1)", excerpt: "カメラ画像を利用する目的が正当であり、撮影の必要性があること。撮影方法・手段や利用の方法が相当であること。")
    /// §3.2(2) first point: temporal and spatial scope.
    public static let gb3_2_2Scope = guidebook("§3.2(2)", excerpt: "特定の個人のデータを取得する時間的範囲・空間的範囲が広がる程、特定の個人の行動が詳細に把握可能となるため、プライバシーの観点から注意が必要である。")
    /// §3.2(2) second point: the most private matters.
    public static let gb3_2_2Private = guidebook("§3.2(2)", excerpt: "カメラ画像から、人種、信条、健康、内心など、生活者の最も私的な事項に係る情報を抽出して検知したり、推定を行ったりすることについては、プライバシーへの影響が高いため、慎重な配慮が求められる。")
    /// §3.2(2) third point: public and semi-public spaces.
    public static let gb3_2_2Public = guidebook("§3.2(2)", excerpt: "公共空間（道路、公的施設等）、準公共空間（駅、複合施設内通路、道路に面した店舗前の空間等）においては、…撮影方法・手段の相当性などが合理的に説明可能かを慎重に確認する必要がある。")
    /// §4.1: basic principles, accountability of the operating entity.
    public static let gb4_1 = guidebook("§4.1", excerpt: "運用実施主体を明確にし、運用実施主体は、カメラ画像利活用に関し、配慮事項の内容を実施する責任（Accountability）を有すること")
    /// Privacy governance: naming a privacy officer.
    public static let gbGovernance = guidebook("§4 (privacy governance)", excerpt: "全社的なプライバシーガバナンス（姿勢の明文化・保護責任者の指名・リソースの投入）")
    /// §4.3–4.4: planning and design.
    public static let gb4_4 = guidebook("§4.3–§4.4", excerpt: "エッジ側で画像が処理されるケースや、クラウドサービスを利用するケースも増えてきたことから、「4.4 設計時の配慮」「4.8 管理時の配慮」等に、注意喚起すべき内容を追加。")
    /// §4.5: prior notice.
    public static let gb4_5 = guidebook("§4.5")
    /// §4.6: the minimum items to tell people where they are filmed.
    public static let gb4_6 = guidebook("§4.6", excerpt: "撮影の対象となる場所において、最低限生活者へ通知されるべき情報項目を整理。")
    /// §4.7: handling (no linkage without consent, no cross-entity use).
    public static let gb4_7 = guidebook("§4.7")
    /// §4.8: management, edge and cloud.
    public static let gb4_8 = guidebook("§4.8")
    /// §4.9: continued use.
    public static let gb4_9 = guidebook("§4.9")
    /// Use case 1 (ver2.0 text): discard image and features promptly.
    public static let gbCase1 = guidebook("use case 1", excerpt: "入出の時点で、画像を取得し、特徴量データを抽出し人物属性を推定した後、速やかに撮影画像と特徴量データを破棄するもの。")
    /// Use case 3 (ver2.0 text): keep only feature data for a fixed period.
    public static let gbCase3 = guidebook("use case 3", excerpt: "特徴量データ（個人識別符号）のみ一定期間保持し…一定期間経過後、速やかに特徴量データ（個人識別符号）を破棄するもの。")
    /// Summary of ver3.0: short-term data now subject to disclosure and suspension.
    public static let gbShortTerm = guidebook("summary of ver3.0, §1", excerpt: "短期保存データを開示・利用停止等の対象とする")
}
