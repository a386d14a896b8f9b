// swift-tools-version:5.9
// paycodes for iOS and macOS: the Swift bindings uniffi generates (Sources/Paycodes), over the
// Rust library (module PaycodesFFI).
//
// The library comes either as PaycodesFFI.xcframework next to this file (what an iOS app
// uses: build it on a Mac with ../scripts/build-xcframework.sh), or, when that is absent,
// as the library cargo builds into ../../target/release (`swift test` on a development
// machine: `cargo build --release -p paycodes-mobile` first).
import Foundation
import PackageDescription

let xcframework = "PaycodesFFI.xcframework"
let hasXCFramework = FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + xcframework)

let ffi: Target = hasXCFramework
    ? .binaryTarget(name: "PaycodesFFI", path: xcframework)
    : .target(
        name: "PaycodesFFI",
        path: "Sources/PaycodesFFI",
        linkerSettings: [
            .linkedLibrary("paycodes_mobile"),
            .unsafeFlags(["-L", Context.packageDirectory + "/../../target/release"]),
        ]
    )

let package = Package(
    name: "Paycodes",
    platforms: [.iOS(.v13), .macOS(.v11)],
    products: [.library(name: "Paycodes", targets: ["Paycodes"])],
    targets: [
        ffi,
        .target(name: "Paycodes", dependencies: ["PaycodesFFI"], path: "Sources/Paycodes"),
        .testTarget(name: "PaycodesTests", dependencies: ["Paycodes"], path: "Tests/PaycodesTests"),
    ]
)
