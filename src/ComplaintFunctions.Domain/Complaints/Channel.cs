namespace ComplaintFunctions.Domain.Complaints;

/// <summary>How the customer reached customer service (process step 1).</summary>
public enum Channel
{
    Email,
    WebForm,
    Chat,
    Phone,
}

public static class ChannelNames
{
    public static string ToWire(this Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.WebForm => "webform",
        Channel.Chat => "chat",
        Channel.Phone => "phone",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static bool TryParse(string? value, out Channel channel)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "email" or "e-mail" or "mail": channel = Channel.Email; return true;
            case "webform" or "web" or "form": channel = Channel.WebForm; return true;
            case "chat": channel = Channel.Chat; return true;
            case "phone" or "telephone": channel = Channel.Phone; return true;
            default: channel = default; return false;
        }
    }
}
