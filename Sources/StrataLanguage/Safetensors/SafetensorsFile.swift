import Foundation

/// A `.safetensors` file: an 8-byte little-endian header length `n`, `n` bytes of JSON
/// (`{"name": {"dtype": "F32", "shape": [r, c], "data_offsets": [begin, end]}, "__metadata__": {…}}`),
/// then the tensor bytes, offsets relative to the end of the header (Docs/language-model.md §2).
///
/// Every tensor is checked when the file is opened: a known dtype, a shape whose element
/// count matches its byte range, a range inside the file. Reading converts F32, F16 and BF16
/// to `Float`.
public struct SafetensorsFile: Sendable {
    public enum DType: String, Sendable {
        case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64", i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8", u8 = "U8", bool = "BOOL"

        var size: Int {
            switch self {
            case .f64, .i64: return 8
            case .f32, .i32: return 4
            case .f16, .bf16, .i16: return 2
            case .i8, .u8, .bool: return 1
            }
        }
    }

    public struct Tensor: Sendable {
        public var dtype: DType
        public var shape: [Int]
        /// Byte range in the file (absolute).
        public var bytes: Range<Int>
    }

    /// File name used in errors (relative to the model directory).
    public let name: String
    public let tensors: [String: Tensor]
    private let data: Data

    public init(path: String, name: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw ModelDirectoryError(file: name, message: "cannot read: \(error.localizedDescription)")
        }
        try self.init(data: data, name: name)
    }

    public init(data: Data, name: String) throws {
        self.name = name
        self.data = data
        guard data.count >= 8 else {
            throw ModelDirectoryError(file: name, message: "too short for a safetensors file (\(data.count) bytes)")
        }
        var headerLength: UInt64 = 0
        for k in 0..<8 { headerLength |= UInt64(data[data.startIndex + k]) << (8 * UInt64(k)) }
        guard headerLength <= UInt64(data.count - 8), headerLength <= 100_000_000 else {
            throw ModelDirectoryError(file: name, message: "header length \(headerLength) exceeds the file (\(data.count) bytes): not a safetensors file")
        }
        let headerEnd = 8 + Int(headerLength)
        let header = data.subdata(in: data.startIndex + 8..<data.startIndex + headerEnd)
        guard let object = try? JSONSerialization.jsonObject(with: header), let entries = object as? [String: Any] else {
            throw ModelDirectoryError(file: name, message: "the header is not a JSON object: not a safetensors file")
        }
        var tensors: [String: Tensor] = [:]
        for (key, value) in entries where key != "__metadata__" {
            guard let entry = value as? [String: Any],
                  let dtypeName = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int],
                  let offsets = entry["data_offsets"] as? [Int], offsets.count == 2 else {
                throw ModelDirectoryError(file: name, tensor: key, message: "header entry needs dtype, shape and data_offsets [begin, end]")
            }
            guard let dtype = DType(rawValue: dtypeName) else {
                throw ModelDirectoryError(file: name, tensor: key, message: "unknown dtype '\(ModelDirectoryError.printable(dtypeName))'")
            }
            guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[1] >= offsets[0] else {
                throw ModelDirectoryError(file: name, tensor: key, message: "negative shape or offsets")
            }
            let (count, overflow) = shape.reduce((1, false)) { acc, d in
                let (p, o) = acc.0.multipliedReportingOverflow(by: d); return (p, acc.1 || o)
            }
            let (byteCount, byteOverflow) = count.multipliedReportingOverflow(by: dtype.size)
            guard !overflow, !byteOverflow, byteCount == offsets[1] - offsets[0] else {
                throw ModelDirectoryError(file: name, tensor: key,
                                          message: "shape \(shape) of \(dtypeName) needs \(byteCount) bytes, data_offsets give \(offsets[1] - offsets[0])")
            }
            guard offsets[1] <= data.count - headerEnd else {
                throw ModelDirectoryError(file: name, tensor: key,
                                          message: "data_offsets end at \(offsets[1]), past the end of the file (\(data.count - headerEnd) data bytes): the file is truncated")
            }
            tensors[key] = Tensor(dtype: dtype, shape: shape, bytes: headerEnd + offsets[0]..<headerEnd + offsets[1])
        }
        self.tensors = tensors
    }

    /// The tensor `key` as row-major floats, checking its shape.
    public func floats(_ key: String, shape expected: [Int]) throws -> [Float] {
        guard let tensor = tensors[key] else {
            throw ModelDirectoryError(file: name, tensor: key, message: "missing")
        }
        guard tensor.shape == expected else {
            throw ModelDirectoryError(file: name, tensor: key, message: "shape \(tensor.shape), expected \(expected)")
        }
        let count = expected.reduce(1, *)
        var out = [Float](repeating: 0, count: count)
        let start = data.startIndex + tensor.bytes.lowerBound
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let base = raw.baseAddress.map { $0 + (start - data.startIndex) }
            guard let base else { return }
            switch tensor.dtype {
            case .f32:
                for k in 0..<count { out[k] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * k, as: UInt32.self))) }
            case .bf16:
                for k in 0..<count { out[k] = Float(bitPattern: UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self))) << 16) }
            case .f16:
                for k in 0..<count { out[k] = Self.halfToFloat(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * k, as: UInt16.self))) }
            default:
                throw ModelDirectoryError(file: name, tensor: key, message: "dtype \(tensor.dtype.rawValue), expected F32, F16 or BF16")
            }
        }
        return out
    }

    /// IEEE binary16 → binary32 (exact).
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign: UInt32 = UInt32(h & 0x8000) << 16
        let exponent = Int((h >> 10) & 0x1F)
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0 {
            let value = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -value : value
        }
        if exponent == 31 { return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13)) }
        return Float(bitPattern: sign | UInt32(exponent + 112) << 23 | (mantissa << 13))
    }
}
