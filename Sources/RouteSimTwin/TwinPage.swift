import Foundation
import RouteSim

/// One page of a list response, `{"<key>": [...], "meta": {...}}`, as TaskRouter pages:
/// `PageSize` (1 to 1,000, default 50), `Page` (from 0) and `PageToken`.
///
/// The token is where the page starts (`PT` and the offset), so following `next_page_url`
/// walks the list even if `Page` is not sent; without a token, `Page` × `PageSize` is the
/// start. Every URL of `meta` is absolute, on this server, and repeats the request's other
/// query parameters (the list's filters) in the order given.
struct TwinPage {
    /// The list key.
    let key: String
    /// The absolute URL of the list, without a query.
    let url: String
    /// The filters, as given.
    let filters: [(name: String, value: String)]
    let pageSize: Int
    let page: Int
    /// Index of the first item of this page.
    let offset: Int

    static let defaultSize = 50
    static let maxSize = 1000
    private static let paging: Set<String> = ["PageSize", "Page", "PageToken"]

    /// The page a list request's query asks for.
    init(key: String, url: String, query: TwinParameters) throws(TwinError) {
        self.key = key
        self.url = url
        filters = query.pairs.filter { !Self.paging.contains($0.name) }
        do {
            pageSize = try query.integer("PageSize", in: 1...Self.maxSize) ?? Self.defaultSize
        } catch {
            throw .invalidParameter("Invalid PageSize.")
        }
        do {
            page = try query.integer("Page", in: 0...Int(Int32.max)) ?? 0
        } catch {
            throw .invalidParameter("Invalid Page.")
        }
        if let token = query.value("PageToken") {
            guard token.hasPrefix("PT"), let start = Int(token.dropFirst(2)), start >= 0 else {
                throw .invalidParameter("Invalid PageToken.")
            }
            offset = start
        } else {
            offset = self.page * pageSize
        }
    }

    /// The page of `items` (the whole filtered list) with its `meta`.
    func document(_ items: [AttributeValue]) -> AttributeValue {
        let end = min(items.count, offset + pageSize)
        let shown = offset < end ? Array(items[offset..<end]) : []
        let next: AttributeValue = end < items.count ? .string(link(page: page + 1, start: end)) : .null
        let previous: AttributeValue = page > 0 && offset > 0
            ? .string(link(page: page - 1, start: max(0, offset - pageSize))) : .null
        return .object([
            key: .array(shown),
            "meta": .object([
                "key": .string(key), "page": .number(Double(page)), "page_size": .number(Double(pageSize)),
                "first_page_url": .string(link(page: 0, start: nil)), "next_page_url": next,
                "previous_page_url": previous, "url": .string(link(page: page, start: offset == page * pageSize ? nil : offset)),
            ]),
        ])
    }

    /// The URL of page `page` starting at `start` (no token for a start that `Page` gives).
    private func link(page: Int, start: Int?) -> String {
        var pairs = filters + [("PageSize", String(pageSize)), ("Page", String(page))]
        if let start { pairs.append(("PageToken", "PT\(start)")) }
        return url + "?" + pairs.map { Self.escape($0.0) + "=" + Self.escape($0.1) }.joined(separator: "&")
    }

    /// A query component with everything but unreserved characters percent-encoded.
    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
}
