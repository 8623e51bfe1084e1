import Testing
@testable import VinhDanhContent

@Suite struct FrontMatterTests {
    @Test func splitsWithLineNumbers() throws {
        let text = "---\ntitle: A\nkind: x\n---\n# Body\n"
        let split = try FrontMatter.split(text).get()
        #expect(split.yaml == "title: A\nkind: x\n")
        #expect(split.yamlLine == 2)
        #expect(split.body == "# Body\n")
        #expect(split.bodyLine == 5)
    }

    @Test func fencesAreWholeLinesOnly() throws {
        // A `---` inside a value must not close the block (toucan splits there).
        let text = "---\ntitle: a---b\nsummary: x --- y\n---  \nbody"
        let split = try FrontMatter.split(text).get()
        #expect(split.yaml == "title: a---b\nsummary: x --- y\n")
        #expect(split.body == "body")
    }

    @Test func missingAndUnclosedFences() {
        #expect(FrontMatter.split("title: a\n---\n") == .failure(.missingOpening))
        #expect(FrontMatter.split("---\ntitle: a\n") == .failure(.unclosed(openingLine: 1)))
    }

    @Test func emptyBody() throws {
        let split = try FrontMatter.split("---\ntitle: a\n---").get()
        #expect(split.body == "")
    }
}
