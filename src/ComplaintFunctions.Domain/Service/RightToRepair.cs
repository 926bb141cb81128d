using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Service;

/// <summary>
/// A product we repaired under the legal guarantee (a final answer whose outcome was a repair), as the
/// repair register keeps it, so a later complaint about the same product of the same order can know.
/// </summary>
/// <param name="RepairedOn">The day the final answer recorded the repair (the retailer's time zone).</param>
/// <param name="CaseNumber">The case the repair was recorded on.</param>
/// <param name="Country">The country of that case's customer: the law the sale was under.</param>
public sealed record RepairOnRecord(DateOnly RepairedOn, string CaseNumber, Country Country);

/// <summary>
/// The Right to Repair Directive (EU) 2024/1799, which amends Directive 2019/771: goods brought into
/// conformity by repair get the seller's liability period extended once by 12 months. It applies from
/// 31 July 2026 in the EU Member States we sell in (Sweden, Denmark, Finland). Norway is outside the EU;
/// whether the EEA takes the rule in is not yet known (docs/process.md, checked December 2026), so a
/// Norwegian case keeps forbrukerkjøpsloven's limits.
/// </summary>
public static class RightToRepair
{
    /// <summary>The first day a repair counts.</summary>
    public static readonly DateOnly AppliesFrom = new(2026, 7, 31);

    /// <summary>The extension, once, on top of the country's limit.</summary>
    public const int ExtraYears = 1;

    public static bool AppliesIn(Country country) => country is Country.SE or Country.DK or Country.FI;

    /// <summary>Whether this repair extends the claim window of a case in <paramref name="country"/>.</summary>
    public static bool Extends(RepairOnRecord repair, Country country)
    {
        ArgumentNullException.ThrowIfNull(repair);
        return AppliesIn(country) && AppliesIn(repair.Country) && repair.RepairedOn >= AppliesFrom;
    }
}

/// <summary>
/// How the repair register finds a product again: the order number and the product as the customer
/// wrote them, in a form that does not depend on case, spaces or punctuation around them
/// ("ord-12 345" and "ORD12345" are one order; "ThinkPad X1" and "thinkpad-x1" one product).
/// </summary>
public sealed record RepairKey(string Order, string Product)
{
    /// <summary>The key, or null when the case names no order or no product (a later case could not find it).</summary>
    public static RepairKey? For(Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var order = Squeeze(purchase.OrderNumber);
        var product = Squeeze(purchase.Product);
        return order.Length == 0 || product.Length == 0 ? null : new RepairKey(order, product);
    }

    /// <summary>Table keys may not hold '/', '\\', '#', '?' or control characters: both parts go in as hashes, the words beside them.</summary>
    public string PartitionKey => Hash(Order);

    public string RowKey => Hash(Product);

    static string Squeeze(string? text)
    {
        var result = new StringBuilder();
        foreach (var c in (text ?? string.Empty).ToLower(CultureInfo.InvariantCulture).Where(char.IsLetterOrDigit))
        {
            result.Append(c);
        }

        return result.ToString();
    }

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
