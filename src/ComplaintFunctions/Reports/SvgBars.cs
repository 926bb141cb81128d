using System.Globalization;
using System.Net;
using System.Text;

namespace ComplaintFunctions.Reports;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG: no script, readable by a screen reader (a
/// title, and each bar's label and value as text), and printable. The same figures stand in a table beside it.
/// </summary>
public static class SvgBars
{
    const int LabelWidth = 300;
    const int BarArea = 320;
    const int RowHeight = 26;

    public static string Draw(string id, string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var width = LabelWidth + BarArea + 60;
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(b => b.Value));
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\"><svg id=\"{E(id)}\" role=\"img\" aria-labelledby=\"{E(id)}-title\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{E(id)}-title\">{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = 4 + i * RowHeight;
            var length = value == 0 ? 0 : Math.Max(2, (int)Math.Round(BarArea * (double)value / max));
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"bar\"><text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"14\" fill=\"#222\">{E(label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{length}\" height=\"{RowHeight - 8}\" fill=\"#1f5f8b\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6}\" y=\"{y + 17}\" font-size=\"14\" fill=\"#222\">{value}</text></g>");
        }

        return svg.Append("</svg><figcaption>").Append(E(title)).Append("</figcaption></figure>").ToString();
    }

    static string E(string text) => WebUtility.HtmlEncode(text);
}
