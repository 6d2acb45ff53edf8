// swift-tools-version: 6.0
// Shoji — privacy-by-design camera analytics. See README.md and ../shared/DESIGN.md for the module map.
import PackageDescription

/// Swift settings shared by every Swift target: Swift 6 language mode (the tools default) with explicit
/// existentials, so that a reader sees where dynamic dispatch happens.
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Shoji",
    products: [
        .executable(name: "shoji", targets: ["shoji"]),
        .library(name: "ShojiVision", targets: ["ShojiVision"]),
        .library(name: "ShojiTracking", targets: ["ShojiTracking"]),
        .library(name: "ShojiPolicy", targets: ["ShojiPolicy"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // HummingbirdBcrypt hashes user secrets in the store; HummingbirdAuth authenticates the server's requests.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        // The request portal's form carries an optional photo: multipart/form-data, which Hummingbird does not parse.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        // The hub's store: PostgreSQL through PostgresNIO (COPY for bulk ingest).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // TLS to a hub's PostgreSQL (`sslmode=require`); PostgresNIO already builds it.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        // The edge's outbox sender: HTTP (and HTTPS) to the hub, with timeouts, on SwiftNIO.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // The only C++: OpenCV decode/encode, DNN and masking, dlib face alignment and embedding, behind a plain C
        // header (include/CVBridge.h). Links only the OpenCV modules it uses (`pkg-config --libs opencv4` would
        // load 375 shared objects); dlib's matrices call BLAS, which Debian's alternatives point at OpenBLAS.
        .target(
            name: "CVBridge",
            exclude: ["README.md"],
            cxxSettings: [.unsafeFlags(["-isystem", "/usr/include/opencv4"])],
            linkerSettings: [
                .linkedLibrary("opencv_core"), .linkedLibrary("opencv_imgproc"),
                .linkedLibrary("opencv_imgcodecs"), .linkedLibrary("opencv_videoio"),
                .linkedLibrary("opencv_objdetect"), .linkedLibrary("opencv_dnn"),
                .linkedLibrary("dlib"), .linkedLibrary("blas"), .linkedLibrary("lapack"),
                .linkedLibrary("m"),
            ]
        ),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]),

        .target(
            name: "ShojiVision",
            dependencies: ["CVBridge", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(name: "ShojiTracking", exclude: ["README.md"], swiftSettings: strictSwift),
        .target(
            name: "ShojiPolicy", dependencies: ["Yams", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"], swiftSettings: strictSwift
        ),
        .target(
            name: "ShojiRender", dependencies: ["ShojiPolicy", "CQREncode", "CRsvg"], exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "ShojiStore",
            dependencies: [
                "ShojiPolicy",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "ShojiPipeline",
            dependencies: [
                "ShojiVision", "ShojiTracking", "ShojiPolicy", "ShojiStore", "ShojiRender",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        // The console, the JSON API, the public notice pages and the request portal (Hummingbird 2). Nothing but
        // the command line imports it.
        .target(
            name: "ShojiStorePostgres",
            dependencies: [
                "ShojiStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "ShojiServer",
            dependencies: [
                "ShojiVision", "ShojiPolicy", "ShojiStore", "ShojiStorePostgres", "ShojiPipeline", "ShojiRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "shoji",
            dependencies: [
                "ShojiVision", "ShojiTracking", "ShojiPolicy", "ShojiRender", "ShojiStore", "ShojiStorePostgres", "ShojiPipeline",
                "ShojiServer", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),

        .testTarget(name: "ShojiVisionTests", dependencies: ["ShojiVision"], swiftSettings: strictSwift),
        .testTarget(name: "ShojiTrackingTests", dependencies: ["ShojiTracking"], swiftSettings: strictSwift),
        .testTarget(
            name: "ShojiPolicyTests", dependencies: ["ShojiPolicy"], exclude: ["Fixtures"], swiftSettings: strictSwift
        ),
        .testTarget(name: "ShojiRenderTests", dependencies: ["ShojiRender", "ShojiPolicy"], swiftSettings: strictSwift),
        .testTarget(name: "ShojiStoreTests", dependencies: ["ShojiStore", "ShojiPolicy"], swiftSettings: strictSwift),
        .testTarget(name: "ShojiPipelineTests", dependencies: ["ShojiPipeline"], swiftSettings: strictSwift),
        .testTarget(
            name: "ShojiServerTests",
            dependencies: ["ShojiServer", "ShojiPipeline", "ShojiRender", "Yams", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strictSwift
        ),
        // The store conformance suite (SQLite and PostgreSQL), the hub's ingest and its fault drills (the built `shoji`
        // as edge nodes and hubs), against a throw-away PostgreSQL cluster it starts.
        .testTarget(
            name: "ShojiStorePostgresTests",
            dependencies: [
                "ShojiStore", "ShojiStorePostgres", "ShojiServer", "ShojiPipeline", "ShojiPolicy", "shoji",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSwift
        ),
        // End-to-end tests of whole command lines: they run the built `shoji` binary as a subprocess.
        .testTarget(name: "ShojiCommandTests", dependencies: ["shoji"], swiftSettings: strictSwift),
    ],
    cxxLanguageStandard: .cxx17
)
