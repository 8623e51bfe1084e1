/// The one order every list of profiles uses: Vietnamese collation of the given name
/// (people, households) or the whole title (collectives), then the whole title, then
/// the slug so output never depends on input order.
enum ProfileOrder {
    /// Profile indexes sorted into list order. Sort keys are made once per profile (in
    /// parallel); the sort itself compares bytes.
    static func sorted(_ profiles: [Profile]) -> [Int] {
        let collator = VietnameseCollator()
        let keys = Parallel.map(profiles.count) { i in
            (name: collator.sortKey(profiles[i].sortName), title: collator.sortKey(profiles[i].title))
        }
        return profiles.indices.sorted { a, b in
            if keys[a].name != keys[b].name { return keys[a].name.lexicographicallyPrecedes(keys[b].name) }
            if keys[a].title != keys[b].title { return keys[a].title.lexicographicallyPrecedes(keys[b].title) }
            return profiles[a].slug < profiles[b].slug
        }
    }
}
