import RouteSim
import Testing

/// One test per operator, each over true and false cases, evaluated against `worker` in `.attributes` scope.
@Suite struct ExpressionOperatorTests {
    static let worker: AttributeValue = [
        "name": "Alice",
        "level": 3,
        "rating": 4.5,
        "active": true,
        "manager": nil,
        "languages": ["en", "es"],
        "skills": ["support", 3, true, nil],
        "address": ["city": "Paris"],
        "accent": "café",
    ]

    static func holds(_ source: String) throws -> Bool {
        try Expression.parse(source, scope: .attributes).evaluate(ExpressionContext(attributes: worker))
    }

    @Test(arguments: [
        ("name == \"Alice\"", true),
        ("name == 'Alice'", true),
        ("name = \"Alice\"", true),
        ("name == \"alice\"", false),
        ("\"Alice\" == name", true),
        ("level == 3", true),
        ("level == 3.0", true),
        ("level == 3.5", false),
        ("rating == 4.5", true),
        ("level == \"3\"", false),
        ("active == true", true),
        ("active == TRUE", true),
        ("active == false", false),
        ("active == \"true\"", false),
        ("active == 1", false),
        ("missing == null", true),
        ("manager == null", true),
        ("null == missing", true),
        ("name == null", false),
        ("languages == null", false),
        ("address == null", false),
        ("languages == \"en\"", false),
        ("languages == [\"en\", \"es\"]", false),
        ("address == address", false),
        ("address.city == \"Paris\"", true),
        ("missing == \"\"", false),
        ("1 == 1.0", true),
        ("accent == \"cafe\u{301}\"", false),
    ])
    func equal(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("name != \"Bob\"", true),
        ("name != \"Alice\"", false),
        ("name != \"alice\"", true),
        ("level != 3.0", false),
        ("level != \"3\"", true),
        ("active != false", true),
        ("missing != null", false),
        ("manager != null", false),
        ("name != null", true),
        ("languages != null", true),
        ("address != null", true),
        ("missing != \"x\"", true),
        ("null != \"x\"", true),
        ("languages != \"fr\"", false),
        ("languages != [\"fr\"]", false),
        ("address != \"Paris\"", false),
        ("0 != 1", true),
    ])
    func notEqual(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("level < 4", true),
        ("level < 3", false),
        ("level < 3.5", true),
        ("2.5 < rating", true),
        ("name < \"Bob\"", true),
        ("name < \"alice\"", true),
        ("name < \"Alice\"", false),
        ("\"z\" < \"é\"", true),
        ("level < \"4\"", false),
        ("missing < 1", false),
        ("manager < 1", false),
        ("active < true", false),
        ("languages < 1", false),
    ])
    func less(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("level > 2", true),
        ("level > 3", false),
        ("rating > 4", true),
        ("level > -1", true),
        ("name > \"Aa\"", true),
        ("name > \"B\"", false),
        ("level > \"2\"", false),
        ("missing > 1", false),
        ("missing > -1", false),
        ("active > false", false),
        ("skills > 1", false),
    ])
    func greater(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("level <= 3", true),
        ("level <= 3.0", true),
        ("level <= 2.99", false),
        ("name <= \"Alice\"", true),
        ("name <= \"Al\"", false),
        ("missing <= 0", false),
        ("manager <= null", false),
        ("level <= \"3\"", false),
    ])
    func lessOrEqual(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("level >= 3", true),
        ("rating >= 5.1", false),
        ("rating >= 4.5", true),
        ("name >= \"Alice\"", true),
        ("name >= \"alice\"", false),
        ("missing >= 0", false),
        ("active >= true", false),
        ("languages >= \"en\"", false),
    ])
    func greaterOrEqual(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("name CONTAINS \"lic\"", true),
        ("name contains 'Ali'", true),
        ("name Contains \"Alice\"", true),
        ("name CONTAINS \"\"", true),
        ("name CONTAINS \"LIC\"", false),
        ("name CONTAINS \"Alice!\"", false),
        ("accent CONTAINS \"fé\"", true),
        ("level CONTAINS 3", false),
        ("level CONTAINS \"3\"", false),
        ("languages CONTAINS \"en\"", false),
        ("missing CONTAINS \"a\"", false),
        ("name CONTAINS missing", false),
    ])
    func contains(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("languages HAS \"en\"", true),
        ("languages has 'es'", true),
        ("languages >- \"es\"", true),
        ("languages HAS \"fr\"", false),
        ("languages HAS \"EN\"", false),
        ("skills HAS 3", true),
        ("skills HAS 3.0", true),
        ("skills HAS \"3\"", false),
        ("skills HAS true", true),
        ("skills HAS null", true),
        ("languages HAS null", false),
        ("languages HAS missing", false),
        ("languages HAS [\"en\"]", false),
        ("name HAS \"A\"", false),
        ("missing HAS \"en\"", false),
        ("[\"en\", 'fr'] HAS 'fr'", true),
    ])
    func has(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("name IN [\"Alice\", \"Bob\"]", true),
        ("name in ['Bob']", false),
        ("name In []", false),
        ("name IN [\"alice\"]", false),
        ("level IN [1, 2, 3]", true),
        ("level <- [3.0]", true),
        ("level IN [\"3\"]", false),
        ("\"en\" IN languages", true),
        ("\"fr\" IN languages", false),
        ("name IN name", false),
        ("name IN missing", false),
        ("languages IN [\"en\", \"es\"]", false),
        ("address IN [\"Paris\"]", false),
        ("missing IN [\"a\"]", false),
        ("missing IN [null]", true),
        ("3 IN skills", true),
    ])
    func inArray(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }

    @Test(arguments: [
        ("name NOT IN [\"Bob\"]", true),
        ("name not in [\"Alice\", \"Bob\"]", false),
        ("name Not In []", true),
        ("name NOT IN [\"alice\"]", true),
        ("level NOT IN [\"3\"]", true),
        ("level NOT IN [3.0]", false),
        ("\"fr\" NOT IN languages", true),
        ("\"en\" NOT  IN languages", false),
        ("name NOT IN \"Bob\"", false),
        ("name NOT IN missing", false),
        ("languages NOT IN [\"fr\"]", false),
        ("address NOT IN [\"x\"]", false),
        ("missing NOT IN [\"a\"]", true),
        ("missing NOT IN [null]", false),
    ])
    func notInArray(source: String, expected: Bool) throws {
        #expect(try Self.holds(source) == expected)
    }
}
