namespace ComplaintFunctions.Links;

/// <summary>Keys that sign the links in our mails (section <c>Links</c>).</summary>
public sealed class LinkSigningOptions
{
    public const string Section = "Links";

    /// <summary>The key new links are signed with (at least 32 characters; from Key Vault in Azure).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The key before the last rotation: links signed with it still verify until <see cref="PreviousKeyValidUntil"/>.</summary>
    public string? PreviousSigningKey { get; set; }

    public DateTimeOffset? PreviousKeyValidUntil { get; set; }
}
