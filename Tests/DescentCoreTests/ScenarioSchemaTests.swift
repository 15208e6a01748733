import DescentCore
import Foundation
import Testing

/// scenarios/schema.json, read by descent's own parser.
func scenarioSchema() throws -> JSONValue {
    try JSONParser.parse(try String(contentsOfFile: scenariosFolder + "/schema.json", encoding: .utf8))
}

extension JSONValue {
    /// The keys of an object's `properties`.
    var propertyNames: [String] { self["properties"]?.members?.map(\.key) ?? [] }

    /// The strings of an `enum` (or a `const`).
    var enumeration: [String] {
        if case .string(let value)? = self["const"]?.kind { return [value] }
        guard case .array(let values)? = self["enum"]?.kind else { return [] }
        return values.compactMap { if case .string(let text) = $0.kind { text } else { nil } }
    }

    /// The `allOf` rules `{"if": {"properties": {key: {"const": NAME}}}, "then": {"propertyNames": {"enum": KEYS}}}`, as NAME → KEYS.
    func allowedKeys(by key: String) -> [String: [String]] {
        guard case .array(let rules)? = self["allOf"]?.kind else { return [:] }
        var table: [String: [String]] = [:]
        for rule in rules {
            guard let name = rule["if"]?["properties"]?[key]?.enumeration.first,
                  let keys = rule["then"]?["propertyNames"]?.enumeration else { continue }
            table[name] = keys
        }
        return table
    }
}

@Suite struct `The scenario schema` {
    @Test func `it is a draft 2020-12 schema that descent's own parser reads`() throws {
        let schema = try scenarioSchema()
        #expect(schema["$schema"]?.kind == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test func `every object lists exactly the keys the loader handles`() throws {
        let schema = try scenarioSchema()
        for (definition, keys) in ScenarioFormat.objects {
            var object: JSONValue?
            switch definition {
            case "scenario": object = schema
            case "schedule":
                if case .array(let forms)? = schema["$defs"]?["schedule"]?["oneOf"]?.kind {
                    object = forms.first { $0["properties"] != nil }
                }
            default: object = schema["$defs"]?[definition]
            }
            let listed = try #require(object, "schema.json has no \(definition)").propertyNames
            #expect(listed == keys, "\(definition): the schema lists \(listed), the loader takes \(keys)")
        }
    }

    @Test func `every choice lists exactly the values the loader accepts`() throws {
        let schema = try scenarioSchema()
        let definitions = try #require(schema["$defs"])
        #expect(definitions["optimizer"]?["properties"]?["name"]?.enumeration == ScenarioFormat.optimizerParameters.map(\.name))
        #expect(definitions["dataModel"]?["properties"]?["type"]?.enumeration == ScenarioFormat.dataModelParameters.map(\.type))
        #expect(definitions["dataModel"]?["properties"]?["loss"]?.enumeration == ScenarioFormat.lossNames.map(\.name))
        #expect(definitions["dataModel"]?["properties"]?["activation"]?.enumeration == ScenarioFormat.activationNames.map(\.name))
        #expect(definitions["generatedData"]?["properties"]?["generate"]?.enumeration
                    == ScenarioFormat.generatorParameters.map(\.name))
        #expect(definitions["functionModel"]?["properties"]?["function"]?.enumeration == ClassicFunction.all.map(\.name))
        let planes = (definitions["weightsView"]?["properties"]?["plane"]?.enumeration ?? [])
            + (definitions["randomPlaneView"]?["properties"]?["plane"]?.enumeration ?? [])
        #expect(planes == ScenarioFormat.planes)
        if case .array(let forms)? = definitions["schedule"]?["oneOf"]?.kind {
            let object = try #require(forms.first { $0["properties"] != nil })
            #expect(object["properties"]?["name"]?.enumeration == ScenarioFormat.scheduleParameters.map(\.name))
            #expect(object.allowedKeys(by: "name") == Dictionary(uniqueKeysWithValues:
                ScenarioFormat.scheduleParameters.map { ($0.name, ["name"] + $0.keys) }))
        } else {
            Issue.record("schema.json's schedule has no oneOf")
        }
    }

    @Test func `each optimizer, generator and data model allows exactly the keys the loader allows it`() throws {
        func union(_ lists: [[String]]) -> Set<String> { Set(lists.flatMap { $0 }) }
        #expect(Set(ScenarioFormat.optimizer) == union([["name"]] + ScenarioFormat.optimizerParameters.map(\.keys)))
        #expect(Set(ScenarioFormat.generatedData) == union([["generate", "seed"]] + ScenarioFormat.generatorParameters.map(\.keys)))
        #expect(Set(ScenarioFormat.dataModel) == union(ScenarioFormat.dataModelParameters.map(\.keys)))
        #expect(Set(ScenarioFormat.schedule) == union([["name"]] + ScenarioFormat.scheduleParameters.map(\.keys)))
        let definitions = try #require(try scenarioSchema()["$defs"])
        #expect(definitions["optimizer"]?.allowedKeys(by: "name") == Dictionary(uniqueKeysWithValues:
            ScenarioFormat.optimizerParameters.map { ($0.name, ["name"] + $0.keys) }))
        #expect(definitions["raceEntry"]?.allowedKeys(by: "name") == Dictionary(uniqueKeysWithValues:
            ScenarioFormat.optimizerParameters.map { ($0.name, ["name", "batch"] + $0.keys) }))
        #expect(definitions["generatedData"]?.allowedKeys(by: "generate") == Dictionary(uniqueKeysWithValues:
            ScenarioFormat.generatorParameters.map { ($0.name, ["generate", "seed"] + $0.keys) }))
        #expect(definitions["dataModel"]?.allowedKeys(by: "type") == Dictionary(uniqueKeysWithValues:
            ScenarioFormat.dataModelParameters.map { ($0.type, $0.keys) }))
    }
}

@Suite struct `The format's documentation` {
    @Test func `every whole scenario in docs/scenarios.md loads`() throws {
        let path = URL(fileURLWithPath: scenariosFolder).deletingLastPathComponent()
            .appendingPathComponent("docs/scenarios.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let blocks = text.components(separatedBy: "```json\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        let scenarios = blocks.filter { $0.hasPrefix("{") && $0.contains("\"title\"") }
        #expect(scenarios.count == 2)
        for block in scenarios {
            do {
                _ = try ScenarioLoader.load(block, file: "docs/scenarios.md", readFile: diskReader)
            } catch {
                Issue.record("\(error)\n\(block)")
            }
        }
    }
}
