import DescentCore
import Glibc

/// The file system as the scenario commands need it: read a text file,
/// list a folder's `.json` files. Errors carry the system's reason.
enum TextFiles {
    /// Reads a file the loader asks for (a scenario, a CSV data set).
    static let reader: ScenarioFileReader = { path throws(FileReadError) in try read(path) }

    /// The text of the file at `path` (invalid UTF-8 is replaced, never fatal).
    static func read(_ path: String) throws(FileReadError) -> String {
        if isDirectory(path) { throw FileReadError("it is a folder, not a file") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileReadError(reason(errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileReadError(reason(errno))
            }
            if count == 0 { break }
            bytes += buffer[..<count]
            // A scenario file is a few kilobytes; a gigabyte is a mistake.
            if bytes.count > 256 << 20 { throw FileReadError("larger than 256 MB") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The `.json` files directly in `folder`, as paths (`folder/name.json`),
    /// sorted by name.
    static func jsonFiles(in folder: String) throws(FileReadError) -> [String] {
        guard let directory = opendir(folder) else { throw FileReadError(reason(errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".json"), !name.hasPrefix("."), name != "schema.json" { names.append(name) }
        }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return names.sorted().map { prefix + $0 }
    }

    /// The system's words for `code`, lower-cased as a clause ("no such file or directory").
    private static func reason(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        let text = String(cString: message)
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
