namespace ComplaintFunctions;

/// <summary>Settings of the pipeline as a whole (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Where customers and staff reach the app; links in mails start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The retailer's time zone, for "today" in date checks.</summary>
    public string TimeZone { get; set; } = "Europe/Oslo";

    public DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOn(time.GetUtcNow());
    }

    /// <summary>The retailer's date at <paramref name="at"/>.</summary>
    public DateOnly DateOn(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);
}
