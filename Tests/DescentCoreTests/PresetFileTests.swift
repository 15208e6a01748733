import DescentCore
import Foundation
import Testing

/// The repository's top-level scenarios/ folder.
let scenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scenarios").path

/// Every file under scenarios/, by path relative to it.
func scenarioFolderFiles() throws -> [String: String] {
    var files: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: scenariosFolder)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = scenariosFolder + "/" + relative
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
        files[relative] = try String(contentsOfFile: path, encoding: .utf8)
    }
    return files
}

/// Reads files from the disk, for loading scenarios/ as a person's files.
let diskReader: ScenarioFileReader = { path throws(FileReadError) in
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw FileReadError("no such file") }
    return text
}

@Suite struct `Preset files` {
    @Test func `the embedded presets are exactly the files of scenarios/ (run scripts/embed-scenarios.sh if not)`() throws {
        var onDisk = try scenarioFolderFiles()
        onDisk["schema.json"] = nil
        let embedded = Dictionary(uniqueKeysWithValues: Presets.names.map { ($0 + ".json", Presets.text(of: $0) ?? "") })
        let embeddedFiles = Set(onDisk.keys).filter { (try? Presets.fileReader("scenarios/" + $0)) != nil }
        #expect(embeddedFiles == Set(onDisk.keys), "files not embedded: run scripts/embed-scenarios.sh")
        for (path, text) in onDisk {
            #expect((try? Presets.fileReader("scenarios/" + path)) == text,
                    "scenarios/\(path) differs from its embedded copy: run scripts/embed-scenarios.sh")
        }
        #expect(Set(embedded.keys) == Set(onDisk.keys.filter { $0.hasSuffix(".json") && !$0.contains("/") }),
                "Presets.names must list every preset file")
    }

    @Test func `every scenario file in scenarios/ loads from the disk, with a title, a lesson and a goal`() throws {
        let files = try scenarioFolderFiles().filter { $0.key.hasSuffix(".json") && $0.key != "schema.json" }
        #expect(!files.isEmpty)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            do {
                let scenario = try ScenarioLoader.load(text, file: scenariosFolder + "/" + path, readFile: diskReader)
                #expect(scenario.goal != nil, "\(path) has no goal")
                #expect(scenario.name + ".json" == path)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func `every preset loads from its embedded copy`() throws {
        for name in Presets.names {
            let scenario = try #require(try Presets.scenario(named: name), "\(name)")
            #expect(scenario.name == name)
        }
        #expect(try Presets.scenario(named: "no-such-preset") == nil)
        #expect(Scenario.defaultScenario.name == "mse-fit")
    }
}
