import RouteSim
import Testing

@Suite struct AttributeValueTests {
    static let document: AttributeValue = [
        "name": "Alice",
        "languages": ["en", "es"],
        "address": ["city": "Paris", "lines": ["1 rue", "bis"]],
        "zero": ["0": "key zero"],
    ]

    @Test func subscriptReadsObjectMembersAndIsNullOtherwise() {
        #expect(Self.document["name"] == "Alice")
        #expect(Self.document["missing"] == .null)
        #expect(AttributeValue.string("x")["name"] == .null)
        #expect(AttributeValue.array(["a"])["0"] == .null)
    }

    @Test(arguments: [
        ([], document),
        (["name"], "Alice"),
        (["address", "city"], "Paris"),
        (["address", "lines", "1"], "bis"),
        (["languages", "0"], "en"),
        (["languages", "2"], nil),
        (["languages", "-1"], nil),
        (["languages", "+1"], nil),
        (["languages", "first"], nil),
        (["name", "x"], nil),
        (["zero", "0"], "key zero"),
        (["missing", "deeper"], nil),
    ] as [([String], AttributeValue)])
    func valueAtPathFollowsKeysAndIndexes(path: [String], expected: AttributeValue) {
        #expect(Self.document.value(at: path) == expected)
    }

    @Test func literalsBuildTheMatchingCases() {
        let string: AttributeValue = "a"
        let integer: AttributeValue = 3
        let float: AttributeValue = 2.5
        let bool: AttributeValue = false
        let array: AttributeValue = ["a", 1]
        let object: AttributeValue = ["k": true]
        let null: AttributeValue = nil
        #expect(string == .string("a"))
        #expect(integer == .number(3))
        #expect(float == .number(2.5))
        #expect(bool == .bool(false))
        #expect(array == .array([.string("a"), .number(1)]))
        #expect(object == .object(["k": .bool(true)]))
        #expect(null == .null)
        #expect(AttributeValue.emptyObject == .object([:]))
    }

    @Test func jsonTextSortsKeysAndNests() {
        let value: AttributeValue = [
            "b": 1,
            "a": [true, nil, "x", []],
            "c": ["z": 2.5, "y": -3, "Z": .emptyObject],
        ]
        #expect(value.jsonText == #"{"a":[true,null,"x",[]],"b":1,"c":{"Z":{},"y":-3,"z":2.5}}"#)
    }

    @Test(arguments: [
        (3, "3"),
        (3.0, "3"),
        (-2, "-2"),
        (-0.0, "0"),
        (1e15, "1000000000000000"),
        (9_007_199_254_740_992, "9007199254740992"),
        (1e16, "10000000000000000"),
        (-9.2e18, "-9200000000000000000"),
        (1e19, "1e+19"),
        (0.1, "0.1"),
        (5.1, "5.1"),
        (-0.25, "-0.25"),
        (1e300, "1e+300"),
        (Double.infinity, "null"),
        (Double.nan, "null"),
    ] as [(Double, String)])
    func jsonTextWritesIntegersWithoutDecimalPoint(number: Double, expected: String) {
        #expect(AttributeValue.number(number).jsonText == expected)
    }

    @Test func jsonTextEscapesStrings() {
        let value: AttributeValue = "q\"b\\n\nt\tr\rb\u{08}f\u{0C}c\u{01}d\u{1F}é😀/"
        #expect(value.jsonText == #""q\"b\\n\nt\tr\rb\bf\fc\u0001d\u001fé😀/""#)
        let object: AttributeValue = ["k\"ey": "v"]
        #expect(object.jsonText == #"{"k\"ey":"v"}"#)
    }

    @Test func jsonTextSortsKeysByUnicodeScalars() {
        let value: AttributeValue = ["😀": 4, "é": 3, "z": 2, "Z": 1, "ab": 0, "a": -1]
        #expect(value.jsonText == #"{"Z":1,"a":-1,"ab":0,"z":2,"é":3,"😀":4}"#)
    }

    @Test func jsonTextOfScalars() {
        #expect(AttributeValue.null.jsonText == "null")
        #expect(AttributeValue.bool(true).jsonText == "true")
        #expect(AttributeValue.bool(false).jsonText == "false")
        #expect(AttributeValue.string("").jsonText == #""""#)
        #expect(AttributeValue.emptyObject.jsonText == "{}")
    }
}
