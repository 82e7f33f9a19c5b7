import Reporters
import Testing

@Suite struct SourceRootTests {
    let root = SourceRoot("repo", currentDirectory: "/work")

    @Test func pathsInsideTheRootBecomeRelative() {
        #expect(root.path == "/work/repo")
        #expect(root.relative("repo/processes/a.yaml") == "processes/a.yaml")
        #expect(root.relative("/work/repo/./processes/../b.yaml") == "b.yaml")
        #expect(root.uri == "file:///work/repo/")
    }

    @Test func pathsOutsideTheRootStayAsGiven() {
        #expect(
            root.relative("/work/repository/a.yaml") == nil,
            "a folder whose name only starts like the root's is outside it")
        #expect(root.relative("other/a.yaml") == nil)
        #expect(root.display("other/a.yaml") == "other/a.yaml")
    }

    @Test func uriReferencesEncodeWhatAURIPathCannotHold() {
        #expect(SourceRoot.encode("a b/ü#1?:x.yaml") == "a%20b/%C3%BC%231%3F%3Ax.yaml")
    }
}
