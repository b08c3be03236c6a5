/// The colours charts give their series, in order: distinguishable, colour-blind safe
/// (Okabe and Ito's palette), and dark enough on white.
enum ChartPalette {
    static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#555555", "#F0E442"]

    /// The colour of series number `index`, repeating after the last.
    static func color(_ index: Int) -> String {
        colors[index % colors.count]
    }
}
