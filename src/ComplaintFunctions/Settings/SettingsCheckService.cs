using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Settings;

/// <summary>
/// At start, under the Functions host and the local runner alike, warns about every configuration
/// key under the app's sections that no setting reads (<see cref="SettingsCheck"/>). It never stops
/// the app: an unknown key is ignored, as before, but no longer silently.
/// </summary>
public sealed class SettingsCheckService(SettingsCheck check, ILogger<SettingsCheckService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var unknown in check.FindUnknown())
        {
            if (unknown.Suggestion is null)
            {
                logger.LogWarning("{Setting} is not a setting and is ignored", unknown.Key);
            }
            else
            {
                logger.LogWarning("{Setting} is not a setting and is ignored; did you mean {Suggestion}?", unknown.Key, unknown.Suggestion);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
