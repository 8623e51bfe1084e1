import VinhDanhVocabulary

/// Vocabularies the tests share.
package enum TestVocabulary {
    /// Four district-level units, two of them starting alike (Lục Ngạn, Lục Nam).
    package static let districts = Vocabulary(kind: .districts, entries: [
        VocabularyEntry(key: "bac-giang", name: "Thành phố Bắc Giang", aliases: ["TP Bắc Giang"]),
        VocabularyEntry(key: "luc-ngan", name: "Huyện Lục Ngạn", aliases: ["Lục Ngạn"]),
        VocabularyEntry(key: "luc-nam", name: "Huyện Lục Nam", aliases: ["Lục Nam"]),
        VocabularyEntry(key: "viet-yen", name: "Thị xã Việt Yên", aliases: ["Huyện Việt Yên"]),
    ])
}
