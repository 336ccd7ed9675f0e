// swift-tools-version:6.0
// Kernsatz — prepares news and policy texts for translators.
// Sources/ reads as the pipeline: C shims (ICU, libxml2) → ICU and XML wrapper → text model + reader → segmentation →
// the Kernsatz facade → the `kernsatz` executable. Evaluation and benchmark executables stand apart.
import PackageDescription

let package = Package(
    name: "Kernsatz",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Kernsatz", targets: ["Kernsatz"]),
        .library(name: "KernsatzWorksheet", targets: ["KernsatzWorksheet"]),
        .library(name: "KernsatzBatch", targets: ["KernsatzBatch"]),
        .executable(name: "kernsatz", targets: ["kernsatz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // CSV glossaries (quoted fields, embedded line breaks); only KernsatzGlossary uses it.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // DOCX worksheets are ZIP packages; only KernsatzWorksheet uses it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 of inputs and outputs in the batch manifest (up-to-date checks, --resume); only KernsatzBatch uses it.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // `swift package generate-documentation --target Kernsatz` builds the DocC catalog
        // (Sources/Kernsatz/Kernsatz.docc); a plugin only, nothing of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Debian's libicu-dev, found through pkg-config (icu-i18n requires icu-uc).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // The system's libxml2 (Debian's libxml2-dev), found through pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "pkg-config"])]
        ),
        // The C shims: each library's headers are included only in its .c file (ICU's version-suffixed
        // names, libxml2's macros never reach Swift). CKernsatzXML: the one XML pull reader, safe options fixed.
        .target(name: "CKernsatzICU", dependencies: ["CICU"]),
        .target(name: "CKernsatzXML", dependencies: ["CLibXML2"]),
        // The only Swift module with unsafe pointers: ICU and the XML reader (XMLPullReader).
        .target(name: "KernsatzICU", dependencies: ["CKernsatzICU", "CKernsatzXML"]),
        // Bytes → text → cleaned, NFC text with a map back to the input → document structure.
        // HTML entity names are data (Resources/html-entities.txt).
        .target(name: "KernsatzText", dependencies: ["KernsatzICU"], resources: [.embedInCode("Resources")]),
        // Sentence boundaries: ICU candidates plus a rule layer whose language knowledge is data.
        .target(
            name: "KernsatzSegmentation",
            dependencies: ["KernsatzICU", "KernsatzText"],
            resources: [.embedInCode("Resources")]
        ),
        // What sentences contain: named entities, direct and reported speech with speakers.
        .target(
            name: "KernsatzAnalysis",
            dependencies: ["KernsatzICU", "KernsatzText", "KernsatzSegmentation"],
            resources: [.embedInCode("Resources")]
        ),
        // Extractive summaries: explainable sentence scores, redundancy control, lengths.
        .target(
            name: "KernsatzSummary",
            dependencies: ["KernsatzText", "KernsatzSegmentation", "KernsatzAnalysis",
                           .product(name: "HeapModule", package: "swift-collections")]
        ),
        // Glossaries: TBX (v3 and 2008), TSV and CSV in, TBX v3 and TSV out; term matching that knows
        // German inflection and compounds. Its German morphology is data (Resources/<kind>/<kind>.de.txt);
        // the shipped glossaries live in Glossaries/ at the top (data only) and reach the binary through
        // the symbolic link Resources/glossaries -> ../../../Glossaries, embedded like the lists.
        .target(
            name: "KernsatzGlossary",
            dependencies: ["KernsatzICU", "KernsatzText", "KernsatzSegmentation", .product(name: "SwiftCSV", package: "SwiftCSV")],
            exclude: ["Resources/glossaries/README.md"],
            resources: [.embedInCode("Resources")]
        ),
        // The library product: the pipeline in one call, re-exporting the stages.
        .target(name: "Kernsatz", dependencies: ["KernsatzICU", "KernsatzText", "KernsatzSegmentation", "KernsatzAnalysis",
                                                 "KernsatzSummary", "KernsatzGlossary"]),
        // Translator worksheets: an analyzed text as numbered segments with terms, names, numbers and
        // quotes flagged, written as XLIFF 2.1/1.2, HTML, DOCX, CSV, Markdown or JSON.
        .target(
            name: "KernsatzWorksheet",
            dependencies: ["Kernsatz", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // The translation check's language data (Resources/check/*.txt: inflection, doubled words,
            // length ratios, place names, number words).
            resources: [.embedInCode("Resources")]
        ),
        // Folders in parallel: walk, read, analyze, write worksheets and summaries atomically, a manifest
        // with content hashes (--resume), a report (index.html, manifest, term report).
        .target(
            name: "KernsatzBatch",
            dependencies: ["Kernsatz", "KernsatzICU", "KernsatzWorksheet", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .executableTarget(
            name: "kernsatz",
            dependencies: ["Kernsatz", "KernsatzWorksheet", "KernsatzBatch", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Scores segmentation against gold data (../shared and our own tables); fails below a floor.
        .executableTarget(
            name: "kernsatz-eval",
            dependencies: ["Kernsatz", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Throughput of each stage and the whole pipeline beside a raw ICU loop.
        .executableTarget(
            name: "kernsatz-bench",
            dependencies: ["Kernsatz", "KernsatzWorksheet", "KernsatzBatch", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fuzz targets, one per reader (text + pipeline + worksheet, TBX, TSV/CSV, JSON Lines, markup):
        // `.ci/fuzz` builds it with -sanitize=fuzzer,address into .build-fuzz; a plain build replays inputs.
        // Seeds/ holds the few hand-made seeds; the rest are copied from Samples/, Glossaries/ and fixtures.
        .executableTarget(name: "kernsatz-fuzz", dependencies: ["Kernsatz", "KernsatzWorksheet"], exclude: ["Seeds"]),
        .testTarget(name: "KernsatzICUTests", dependencies: ["KernsatzICU"]),
        .testTarget(name: "KernsatzTextTests", dependencies: ["KernsatzText"]),
        .testTarget(
            name: "KernsatzSegmentationTests",
            dependencies: ["KernsatzSegmentation", "Kernsatz"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "KernsatzAnalysisTests", dependencies: ["KernsatzAnalysis", "Kernsatz"], exclude: ["Fixtures"]),
        .testTarget(name: "KernsatzSummaryTests", dependencies: ["KernsatzSummary", "Kernsatz"]),
        .testTarget(name: "KernsatzTests", dependencies: ["Kernsatz"]),
        .testTarget(name: "KernsatzWorksheetTests",
                    dependencies: ["KernsatzWorksheet", .product(name: "SwiftCSV", package: "SwiftCSV"),
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "KernsatzBatchTests", dependencies: ["KernsatzBatch", "Kernsatz", "KernsatzWorksheet"]),
        .testTarget(name: "KernsatzGlossaryTests", dependencies: ["KernsatzGlossary"], resources: [.copy("Fixtures")]),
        // Runs the built `kernsatz` executable: messages, exit codes, JSON Lines streams.
        .testTarget(name: "KernsatzCLITests", dependencies: ["kernsatz"]),
    ],
    swiftLanguageModes: [.v6]
)
