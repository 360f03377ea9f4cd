/// Dense indices of ids, found by the `IDHash` of their bytes, so `DatasetBuilder` looks up the
/// id of a line without making a `String` of it (a `String`-keyed dictionary was a quarter of
/// loading a generic CSV log). The hash only picks a candidate; the caller's stored id confirms
/// it byte for byte. Two ids with one hash (~n²/2⁶⁵) keep the first in the table: the second is
/// never confirmed here, and the caller finds it by its exact `String` lookup.
struct IDHashIndex {
    private var candidates: [UInt64: Int32] = [:]

    /// The index of `id` (whose `IDHash` is `hash`), if the table's candidate is the same id.
    func index(of id: IDText, hash: UInt64, storedID: (Int) -> String) -> Int? {
        guard let candidate = candidates[hash] else { return nil }
        var stored = storedID(Int(candidate))
        let same = stored.withUTF8 { stored in id.withBytes { $0.elementsEqual(stored) } }
        return same ? Int(candidate) : nil
    }

    /// Records `index` as the candidate for `hash` unless another id holds it already.
    mutating func add(_ index: Int, hash: UInt64) {
        if candidates[hash] == nil { candidates[hash] = Int32(truncatingIfNeeded: index) }
    }
}
