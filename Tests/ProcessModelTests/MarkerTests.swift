import Testing

@testable import ProcessModel

@Suite struct MarkerTests {
    @Test(arguments: [
        ("CD3", "CD3"), ("cd3", "CD3"), ("CD3+", "CD3"), (" cd3+ ", "CD3"), ("cd 019", "CD19"),
        ("CD45RA", "CD45RA"), ("bcma", "BCMA"), ("HLA-DR", "HLA-DR"), ("CD8a", "CD8A"),
        ("CD269", "BCMA"), ("cd319+", "SLAMF7"), ("FcRH5", "FCRL5"), ("CD127", "IL7R"),
    ])
    func spellingsNormaliseToOneMarker(written: String, normalised: String) {
        #expect(Marker(normalising: written).name == normalised)
    }

    @Test func vocabularyKnowsCDNumbersAndOtherAntigens() {
        for known in [
            "CD3", "CD4", "CD8", "CD19", "CD20", "CD22", "CD34", "CD38", "CD138", "BCMA", "GPRC5D", "SLAMF7", "CD1a",
            "CD11b",
        ] {
            #expect(Marker(normalising: known).isKnown, "\(known)")
        }
        #expect(!Marker(normalising: "CD1999").isKnown)
    }

    @Test(arguments: [("CD1999", "CD19"), ("CD1O", "CD10"), ("BMCA", "BCMA"), ("GPRCD5", "GPRC5D")])
    func nearestKnownMarkerIsTheLikelyIntent(typo: String, intended: String) {
        #expect(Marker(normalising: typo).nearestKnown?.name == intended)
    }

    @Test func synonymsMapIntoTheVocabulary() {
        for canonical in Marker.synonyms.values { #expect(Marker(normalising: canonical).isKnown, "\(canonical)") }
    }

    @Test func farFromEverythingSuggestsNothing() {
        #expect(Marker(normalising: "NOVEL-ANTIGEN-7").nearestKnown == nil)
    }

    @Test func suggestionsPreferFewerEditsThenSameLengthThenAPrefix() {
        #expect(Suggestion.nearest(to: "dayz", among: ["days", "device"]) == "days")
        #expect(Suggestion.nearest(to: "dmso", among: ["dmso_percent", "id"]) == "dmso_percent")
        #expect(Suggestion.nearest(to: "xyzzy", among: ["days", "device"]) == nil)
        #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
    }
}
