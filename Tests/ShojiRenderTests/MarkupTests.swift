import Testing
@testable import ShojiRender

@Suite("Escaping")
struct MarkupTests {
    @Test("Markup characters are escaped and forbidden control characters dropped")
    func escape() {
        #expect(Markup.escape("A&B <Store> \"q\" 'a'") == "A&amp;B &lt;Store&gt; &quot;q&quot; &#39;a&#39;")
        #expect(Markup.escape("a\u{0}b\u{7}c") == "abc")
        #expect(Markup.escape("障子") == "障子")
    }
}
