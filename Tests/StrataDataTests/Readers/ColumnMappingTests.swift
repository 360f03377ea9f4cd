import Testing
@testable import StrataData

@Suite("ColumnMapping")
struct ColumnMappingTests {
    @Test func parsesTheConfigText() throws {
        let mapping = try ColumnMapping(parsing: "user=uid,item=sku,time=ts,action=event,path=cat")
        #expect(mapping == ColumnMapping(user: "uid", item: "sku", time: "ts", action: "event", path: "cat"))
    }

    @Test func parsesEveryKey() throws {
        let mapping = try ColumnMapping(parsing: "user = u; item=i; time=t; value=stars; category=c; separator= > ; title=name; delimiter=tab; time-unit=ms")
        #expect(mapping.value == "stars")
        #expect(mapping.path == "c")
        #expect(mapping.pathSeparator == " > ")
        #expect(mapping.title == "name")
        #expect(mapping.delimiter == 0x09)
        #expect(mapping.timeDivisor == 1000)
        #expect(mapping.user == "u")
    }

    @Test(arguments: [
        ("user=u,item=i", "time"),
        ("user=u,item=i,time=t,colour=red", "colour"),
        ("user=u,item=i,time=t,user=v", "user"),
        ("user=u,item=i,time=t,delimiter=ab", "delimiter"),
        ("user=u,item=i,time=t,time-unit=days", "time-unit"),
        ("user=,item=i,time=t", "user"),
    ])
    func rejectsBadConfigNamingTheKey(text: String, key: String) {
        do {
            _ = try ColumnMapping(parsing: text)
            Issue.record("accepted \(text)")
        } catch let error as DatasetError {
            #expect(error.kind == .invalidMapping)
            #expect(error.field == key, "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func entryWithoutEqualsIsAnError() {
        #expect(throws: DatasetError.self) { try ColumnMapping(parsing: "user=u,item,time=t") }
    }

    @Test func guessesFromUsualNames() throws {
        let mapping = try #require(ColumnMapping.guess(fromColumns: ["event_time", "event_type", "product_id", "category_code", "user_id"]))
        #expect(mapping.user == "user_id" && mapping.item == "product_id" && mapping.time == "event_time")
        #expect(mapping.action == "event_type" && mapping.path == "category_code" && mapping.pathSeparator == ".")
        #expect(ColumnMapping.guess(fromColumns: ["a", "b", "c"]) == nil)
    }
}
