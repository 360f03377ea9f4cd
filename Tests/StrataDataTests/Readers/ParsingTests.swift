import Testing
@testable import StrataData
import StrataCore

@Suite("Byte-level parsing")
struct ParsingTests {
    func double(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { NumberParsing.double($0) }
    }

    func int64(_ text: String) -> Int64? {
        Array(text.utf8).withUnsafeBufferPointer { NumberParsing.int64($0) }
    }

    @Test(arguments: [("3", 3.0), ("-3.5", -3.5), ("881250949", 881_250_949), ("1e3", 1000), ("0.1", 0.1),
                      ("  4 ", 4), ("+2.25", 2.25), ("1.7976931348623157e308", 1.7976931348623157e308),
                      ("0.000001", 0.000001), ("12345678901234567890", 12345678901234567890.0), ("5.", 5), (".5", 0.5)])
    func parsesNumbers(text: String, expected: Double) {
        #expect(double(text) == expected)
    }

    @Test(arguments: ["", " ", "abc", "nan", "inf", "1.2.3", "e5", "-", "1e", "0x10", "1,5", "4 stars"])
    func rejectsNonNumbers(text: String) {
        #expect(double(text) == nil)
    }

    @Test func agreesWithTheStandardLibraryOnRandomDecimals() {
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<5000 {
            let whole = generator.next() % 10_000_000_000
            let fraction = generator.next() % 1_000_000
            let exponent = Int(generator.next() % 41) - 20
            let text = "\(whole).\(fraction)e\(exponent)"
            #expect(double(text) == Double(text), "\(text)")
        }
    }

    @Test func parsesIntegersWithOverflowCheck() {
        #expect(int64("42") == 42)
        #expect(int64("-7") == -7)
        #expect(int64("9223372036854775807") == Int64.max)
        #expect(int64("-9223372036854775808") == Int64.min)
        #expect(int64("9223372036854775808") == nil)
        #expect(int64("12a") == nil)
        #expect(int64("") == nil)
    }

    @Test(arguments: [
        ([UInt8]("plain ascii".utf8), nil as Int?),
        ([UInt8]("Misérables 日本 🎬".utf8), nil),
        ([0x41, 0xC0, 0x80], 1),                // overlong
        ([0x41, 0x42, 0xED, 0xA0, 0x80], 2),    // surrogate
        ([0xF5, 0x80, 0x80, 0x80], 0),          // above U+10FFFF
        ([0x41, 0xE2, 0x82], 1),                // truncated
        ([UInt8](repeating: 0x61, count: 20) + [0x80], 20),
    ])
    func validatesUTF8(bytes: [UInt8], firstInvalid: Int?) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == firstInvalid)
    }

    func csv(_ text: String) -> (fields: [String], error: String?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var fields: [CSVField] = []
            let error = CSVSplitter.split(buffer, delimiter: 0x2C, into: &fields)
            let line = RawLine(number: 1, bytes: buffer)
            return (fields.map { CSVSplitter.text(of: $0, in: line) }, error)
        }
    }

    @Test func splitsQuotedCSV() {
        #expect(csv(#"1,"American President, The (1995)",Comedy|Drama"#).fields
                == ["1", "American President, The (1995)", "Comedy|Drama"])
        #expect(csv(#"2,"Say ""Hi"", Bob",x"#).fields == ["2", #"Say "Hi", Bob"#, "x"])
        #expect(csv("a,,b,").fields == ["a", "", "b", ""])
        #expect(csv("").fields == [""])
    }

    @Test func reportsMalformedCSV() {
        #expect(csv(#"1,"open title,x"#).error == "unclosed quote in field 2")
        #expect(csv(#"1,"closed"junk,x"#).error == "unexpected text after the closing quote of field 2")
    }

    func json(_ text: String) -> Result<[String: JSONFieldValue], JSONSyntaxError> {
        Array(text.utf8).withUnsafeBufferPointer { JSONLineParser.fields(of: $0) }
    }

    @Test func parsesFlatJSONObjects() throws {
        let fields = try json(#"{"uid": "u1", "sku": 123, "ts": 1.5e9, "ok": true, "x": null, "tags": ["a", {"b": "]"}], "t": "caf\u00e9 \"q\" \ud83c\udfac"}"#).get()
        #expect(fields["uid"] == .string("u1"))
        #expect(fields["sku"] == .number("123"))
        #expect(fields["sku"]?.text == "123")
        #expect(fields["ts"] == .number("1.5e9"))
        #expect(fields["ok"] == .bool(true))
        #expect(fields["x"] == .null)
        #expect(fields["tags"] == .nested(#"["a", {"b": "]"}]"#))
        #expect(fields["t"] == .string("café \"q\" 🎬"))
        #expect(try json("{}").get().isEmpty)
    }

    @Test(arguments: [#"{"a": 1"#, #"["a"]"#, #"{"a" 1}"#, #"{"a": tru}"#, #"{"a": 1} x"#, #"{"a": "open}"#, "not json"])
    func rejectsBadJSON(text: String) {
        if case .success = json(text) { Issue.record("accepted \(text)") }
    }

    @Test(arguments: [("2019-10-01 00:00:00 UTC", Int64(1_569_888_000)), ("2019-10-01T00:00:00Z", 1_569_888_000),
                      ("2019-10-01T02:00:00+02:00", 1_569_888_000), ("2019-10-01", 1_569_888_000),
                      ("1970-01-01T00:00:01.250Z", 1), ("1969-12-31T23:59:59Z", -1), ("1511544070", 1_511_544_070)])
    func parsesTimes(text: String, seconds: Int64) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { TimeText.seconds($0) }
        #expect(parsed?.0 == seconds)
    }

    @Test func rejectsBadTimes() {
        for text in ["yesterday", "2019-13-01", "2019-10-01T25:00", "2019-10-01 00:00:00 CEST"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { TimeText.seconds($0) } == nil, "\(text)")
        }
    }

    @Test func millisecondTimesDivide() {
        let parsed = Array("1433221332117".utf8).withUnsafeBufferPointer { TimeText.seconds($0, divisor: 1000) }
        #expect(parsed?.0 == 1_433_221_332)
    }

    @Test func actionNamesAreCaseInsensitiveWithSynonyms() {
        #expect(ActionNames.action(named: "PV") == .view)
        #expect(ActionNames.action(named: "Buy") == .purchase)
        #expect(ActionNames.action(named: "addtocart") == .cart)
        #expect(ActionNames.action(named: " Favourite ") == .favourite)
        #expect(ActionNames.action(named: "transaction") == .purchase)
        for action in Action.allCases { #expect(ActionNames.action(named: action.rawValue.uppercased()) == action) }
        #expect(ActionNames.action(named: "teleport") == nil)
    }

    @Test func decadesAndYears() {
        #expect(ItemTaxonomy.decade(of: 1995) == "1990s")
        #expect(ItemTaxonomy.decade(of: 2000) == "2000s")
        #expect(ItemTaxonomy.decade(of: nil) == "Unknown year")
        #expect(ItemTaxonomy.year(inTitle: "Toy Story (1995)") == 1995)
        #expect(ItemTaxonomy.year(inTitle: "Babylon 5 (1994–1998)") == 1994)
        #expect(ItemTaxonomy.year(inTitle: "1984 (1956)") == 1956)
        #expect(ItemTaxonomy.year(inTitle: "No year") == nil)
        #expect(ItemTaxonomy.moviePaths(genres: [], year: 1995) == [["Unknown genre", "1990s"]])
    }
}
