import RouteSim
import Testing

/// Structure of parsed expressions: precedence, grouping, references, keywords, scopes, folding, identity.
@Suite struct ExpressionParsingTests {
    static func holds(_ source: String, _ attributes: AttributeValue) throws -> Bool {
        try Expression.parse(source, scope: .attributes).evaluate(ExpressionContext(attributes: attributes))
    }

    static let flags: [(Bool, Bool, Bool)] = [false, true].flatMap { a in
        [false, true].flatMap { b in [false, true].map { c in (a, b, c) } }
    }

    static func attributes(_ a: Bool, _ b: Bool, _ c: Bool) -> AttributeValue {
        ["a": .bool(a), "b": .bool(b), "c": .bool(c)]
    }

    @Test(arguments: flags)
    func andBindsTighterThanOr(a: Bool, b: Bool, c: Bool) throws {
        let values = Self.attributes(a, b, c)
        #expect(try Self.holds("a == true OR b == true AND c == true", values) == (a || (b && c)))
        #expect(try Self.holds("a == true AND b == true OR c == true", values) == ((a && b) || c))
        #expect(try Self.holds("a == true or b == true and c == true", values) == (a || (b && c)))
    }

    @Test(arguments: flags)
    func parenthesesGroup(a: Bool, b: Bool, c: Bool) throws {
        let values = Self.attributes(a, b, c)
        #expect(try Self.holds("(a == true OR b == true) AND c == true", values) == ((a || b) && c))
        #expect(try Self.holds("a == true AND (b == true OR c == true)", values) == (a && (b || c)))
        #expect(try Self.holds("((a == true)) OR (((b == true) AND (c == true)))", values) == (a || (b && c)))
        #expect(try Self.holds("(a==true)OR(b==true)", values) == (a || b))
    }

    @Test func documentedExamples() throws {
        let worker: AttributeValue = [
            "skills": ["support", "sales"], "languages": ["english"], "skill_rating": 5.1,
            "language": "fr", "condition_a": false, "condition_b": true, "key": 2,
            "object": ["param": "pear", "array": ["a", "b", "c"], "attr": "bar"], "string_const": "foo",
        ]
        let sources = [
            "(skills HAS 'support') AND (languages HAS 'english')",
            "1 == 1", "0 != 1", "\"apple\" != \"orange\"", "key > 1", "object.param != \"apple\"",
            "language IN [\"en\", \"fr\"]", "(condition_a == true) OR (condition_b == true)",
            "(language == \"en\" OR language == \"fr\") AND skill_rating >= 5.1",
            "string_const == \"foo\"", "object.array[2] == \"c\"", "object.attr == 'bar'",
            "object.array HAS \"a\"",
        ]
        for source in sources {
            #expect(try Self.holds(source, worker), "\(source)")
        }
    }

    @Test(arguments: [
        ("address.city == \"Paris\"", true),
        ("address.geo.lat > 48", true),
        ("address.geo.lat.x == null", true),
        ("address.missing.deeper == null", true),
        ("languages[0] == \"en\"", true),
        ("languages[1] == \"es\"", true),
        ("languages[2] == null", true),
        ("languages[10] == null", true),
        ("languages[99999999999999999999] == null", true),
        ("teams[1].name == \"b\"", true),
        ("teams[0].tags[1] == 'y'", true),
        ("address[0] == null", true),
        ("languages.first == null", true),
        ("_private == 1", true),
        ("v$2 == 2", true),
        ("ключ == \"значение\"", true),
        ("order == 3", true),
        ("android == 4", true),
        ("address.in == 5", true),
    ])
    func referencesFollowKeysAndIndexes(source: String, expected: Bool) throws {
        let attributes: AttributeValue = [
            "address": ["city": "Paris", "geo": ["lat": 48.85], "in": 5],
            "languages": ["en", "es"],
            "teams": [["name": "a", "tags": ["x", "y"]], ["name": "b"]],
            "_private": 1, "v$2": 2, "ключ": "значение", "order": 3, "android": 4,
        ]
        #expect(try Self.holds(source, attributes) == expected)
    }

    @Test(arguments: [
        "a == 1 AND b == 2", "a == 1 and b == 2", "a == 1 And b == 2",
        "a == 1 OR b == 9", "a == 1 or b == 9", "a == 1 oR b == 9",
        "a IN [1]", "a in [1]", "a iN [1]", "a <- [1]",
        "a NOT IN [2]", "a not in [2]", "a Not In [2]", "a nOT\tIN [2]",
        "l HAS 1", "l has 1", "l Has 1", "l >- 1",
        "s CONTAINS 'x'", "s contains 'x'", "s CoNtAiNs 'x'",
        "t == true", "t == True", "f == FALSE", "n == null", "n == NULL", "n == Null",
        "a = 1", "a == 1", "a=1", "a==1", "a<-[1]",
    ])
    func keywordsAreCaseInsensitiveAndAliasesWork(source: String) throws {
        let attributes: AttributeValue = ["a": 1, "b": 2, "l": [1], "s": "xyz", "t": true, "f": false]
        #expect(try Self.holds(source, attributes))
    }

    @Test func lessThanMinusIsTheInAlias() throws {
        #expect(try !Self.holds("a<-3", ["a": 1]))
        #expect(try Self.holds("a < -3", ["a": -4]))
        #expect(try Self.holds("a<-[3]", ["a": 3]))
        #expect(try Self.holds("a>-3", ["a": [3]]))
    }

    @Test(arguments: [
        ("x == \"say \\\"hi\\\"\"", "say \"hi\""),
        ("x == 'it\\'s'", "it's"),
        ("x == \"back\\\\slash\"", "back\\slash"),
        ("x == 'mixed \"quotes\"'", "mixed \"quotes\""),
        ("x == \"keep \\n as is\"", "keep \\n as is"),
        ("x == \"\"", ""),
    ])
    func stringLiteralsUnescape(source: String, value: String) throws {
        #expect(try Self.holds(source, ["x": .string(value)]))
    }

    @Test(arguments: [
        ("x == -2", -2.0), ("x == 0.5", 0.5), ("x == 1.00", 1.0), ("x == 3.141529", 3.141529), ("x == -0.25", -0.25),
    ])
    func numberLiterals(source: String, value: Double) throws {
        #expect(try Self.holds(source, ["x": .number(value)]))
    }

    @Test func taskAndWorkerScopeResolvesPrefixes() throws {
        let task: AttributeValue = [
            "language": "es", "preferred_agents": ["WK1", "WK2"], "subSection": "billing", "required_language": "en",
        ]
        let worker: AttributeValue = [
            "languages": ["en", "es"], "id": "WK2", "specializedSubField": "billing", "sid": "WK2",
            "spoken_languages": ["en"], "channel": ["voice": ["available": true]],
        ]
        let context = ExpressionContext(task: task, worker: worker)
        let holds = { (source: String) throws -> Bool in
            try Expression.parse(source, scope: .taskAndWorker).evaluate(context)
        }
        #expect(try holds("task.language IN worker.languages"))
        #expect(try holds("worker.id IN task.preferred_agents"))
        #expect(try holds("worker.sid in task.preferred_agents"))
        #expect(try holds("task.subSection = worker.specializedSubField"))
        #expect(try holds("task.required_language IN worker.spoken_languages"))
        #expect(try holds("\"en\" IN worker.languages"))
        #expect(try holds("worker.channel.voice.available == true"))
        #expect(try holds("task.preferred_agents != null"))
        #expect(try holds("task.language == worker.languages[1]"))
        #expect(try !holds("task.language == worker.languages[0]"))
        #expect(try !holds("task.languages HAS 'es'"))
        #expect(try holds("worker.language == null AND task.worker == null"))
    }

    @Test func taskAndWorkerScopeReportsWhatItReads() throws {
        let both = try Expression.parse("task.language IN worker.languages", scope: .taskAndWorker)
        #expect(both.readsTask && both.readsWorker)
        #expect(both.referencedRoots == [.task, .worker])
        let workerOnly = try Expression.parse("worker.level > 2 OR 1 == 2", scope: .taskAndWorker)
        #expect(!workerOnly.readsTask && workerOnly.readsWorker)
        let taskOnly = try Expression.parse("task.priority > 2", scope: .taskAndWorker)
        #expect(taskOnly.readsTask && !taskOnly.readsWorker)
    }

    @Test func attributesScopeTreatsTaskAsAPlainKey() throws {
        let expression = try Expression.parse("task.type == 'x' AND type == 'y'", scope: .attributes)
        #expect(expression.referencedRoots == [.attributes])
        #expect(!expression.readsTask && !expression.readsWorker)
        #expect(expression.evaluate(ExpressionContext(attributes: ["task": ["type": "x"], "type": "y"])))
        #expect(!expression.evaluate(ExpressionContext(task: ["type": "x"], worker: ["type": "y"])))
    }

    @Test func workerCountsScopeResolvesInWorkers() throws {
        let counts = ExpressionContext(workers: ["available": 0, "unavailable": 4, "WA123": 2])
        let holds = { (source: String) throws -> Bool in
            try Expression.parse(source, scope: .workerCounts).evaluate(counts)
        }
        #expect(try holds("workers.available == 0"))
        #expect(try holds("workers.available == 0 AND workers.unavailable > 3"))
        #expect(try holds("workers.WA123 >= 2"))
        #expect(try holds("workers.missing == null"))
        #expect(try !holds("workers.available > 0"))
        let expression = try Expression.parse("workers.available == 0", scope: .workerCounts)
        #expect(expression.referencedRoots == [.workers])
    }

    @Test(arguments: [
        ("1==1", true), ("1 == 1", true), ("true == true", true), ("\"a\" IN [\"a\", \"b\"]", true),
        ("1==1 OR x == 2", true), ("x == 2 OR (1==1 AND 2 > 1)", true), ("1==1 AND 2==2", true),
        ("x == 1", false), ("1==2", false), ("1==1 AND x == 1", false), ("1==2 OR x == 1", false),
        ("x == 1 OR x != 1", false),
    ])
    func constantTruthIsDetected(source: String, expected: Bool) throws {
        #expect(try Expression.parse(source, scope: .attributes).isAlwaysTrue == expected)
    }

    @Test func foldingDropsReferencesThatCannotMatter() throws {
        let never = try Expression.parse("1==2 AND task.x == 1", scope: .taskAndWorker)
        #expect(never.referencedRoots.isEmpty)
        #expect(!never.isAlwaysTrue)
        #expect(!never.evaluate(ExpressionContext(task: ["x": 1], worker: nil)))
        let kept = try Expression.parse("1==1 AND task.x == 1", scope: .taskAndWorker)
        #expect(kept.referencedRoots == [.task])
        #expect(kept.evaluate(ExpressionContext(task: ["x": 1], worker: nil)))
    }

    @Test func alwaysIsOneEqualsOne() throws {
        #expect(Expression.always.source == "1==1")
        #expect(Expression.always.isAlwaysTrue)
        #expect(Expression.always.referencedRoots.isEmpty)
        #expect(Expression.always.evaluate(ExpressionContext(workers: nil)))
        #expect(try Expression.parse("1==1", scope: .workerCounts) == .always)
    }

    @Test func identityIsTheSource() throws {
        let expression = try Expression.parse("skills HAS 'support'", scope: .attributes)
        #expect(expression.description == "skills HAS 'support'")
        #expect("\(expression)" == "skills HAS 'support'")
        #expect(expression == (try Expression.parse("skills HAS 'support'", scope: .attributes)))
        #expect(expression != (try Expression.parse("skills HAS  'support'", scope: .attributes)))
        #expect(expression.scope == .attributes)
        #expect(Set([expression, try Expression.parse("skills HAS 'support'", scope: .attributes)]).count == 1)
    }

    @Test func contextCanBeReusedAcrossWorkers() throws {
        let expression = try Expression.parse("task.language IN worker.languages", scope: .taskAndWorker)
        var context = ExpressionContext(task: ["language": "fr"], worker: nil)
        let workers: [AttributeValue] = [["languages": ["en"]], ["languages": ["fr", "de"]], .emptyObject]
        var matches: [Bool] = []
        for worker in workers {
            context.worker = worker
            matches.append(expression.evaluate(context))
        }
        #expect(matches == [false, true, false])
    }
}
