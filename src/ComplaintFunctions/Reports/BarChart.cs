using ComplaintFunctions.Http;

namespace ComplaintFunctions.Reports;

/// <summary>A bar of a chart, placed: the template draws it (<c>console/reports</c>).</summary>
public sealed record ChartBar(string Label, int Value, int Y, int TextY, int Length, int ValueX) : IPageModel;

/// <summary>
/// A horizontal bar chart, laid out here and drawn by the page's template as inline SVG: no script, readable by
/// a screen reader (a title, and each bar's label and value as text), and printable. The same figures stand in
/// a table on the page.
/// </summary>
public sealed record BarChart(string Id, string Title, int Width, int Height, int LabelEnd, int BarStart, int BarHeight, IReadOnlyList<ChartBar> Bars) : IPageModel
{
    const int LabelWidth = 300;
    const int BarArea = 320;
    const int RowHeight = 26;

    public static BarChart Of(string id, string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var placed = bars.Select((b, i) =>
        {
            var y = 4 + (i * RowHeight);
            var length = b.Value == 0 ? 0 : Math.Max(2, (int)Math.Round(BarArea * (double)b.Value / max));
            return new ChartBar(b.Label, b.Value, y + 3, y + 17, length, LabelWidth + length + 6);
        }).ToList();
        return new BarChart(id, title, LabelWidth + BarArea + 60, (Math.Max(1, bars.Count) * RowHeight) + 8, LabelWidth - 8, LabelWidth, RowHeight - 8, placed);
    }
}
