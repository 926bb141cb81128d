using System.Diagnostics.Metrics;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Metrics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace ComplaintFunctions.Telemetry;

/// <summary>
/// The worker's own telemetry to Application Insights, as an isolated-worker app has it: its log lines
/// (with their scopes, so the case number is a custom dimension), its dependency calls (Table, Blob and
/// Queue storage, SendGrid over HTTP) and the pipeline's metrics. Only with
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set (infra sets it, with
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> for the managed identity, as local auth is off);
/// without it nothing is registered, so a local run sends nothing anywhere.
/// </summary>
public static class ApplicationInsightsTelemetry
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]);
    }

    public static IServiceCollection AddComplaintApplicationInsights(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!IsConfigured(configuration))
        {
            return services;
        }

        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();

        // The SDK sends only warnings and errors from the logger by default; the log levels in the
        // app's configuration (Logging:LogLevel) should decide instead, as they do for the console.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var sdkDefault = options.Rules.Where(r => r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && r.CategoryName is null).ToList();
            foreach (var rule in sdkDefault)
            {
                options.Rules.Remove(rule);
            }
        });

        services.AddHostedService<MetricsToApplicationInsights>();
        return services;
    }
}

/// <summary>
/// Forwards every measurement of the <see cref="ComplaintMetrics.MeterName"/> meter to Application
/// Insights' pre-aggregated metrics (sent once a minute as customMetrics, tags as dimensions): the
/// Application Insights SDK the Functions worker package builds on does not read .NET meters itself.
/// </summary>
sealed class MetricsToApplicationInsights(TelemetryClient telemetry) : IHostedService, IDisposable
{
    MeterListener? listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == ComplaintMetrics.MeterName)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Track(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Track(instrument, value, tags));
        listener.Start();
        return Task.CompletedTask;
    }

    void Track(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = tags[i].Key;
            values[i] = tags[i].Value?.ToString() ?? string.Empty;
        }

        var metric = telemetry.GetMetric(new MetricIdentifier(ComplaintMetrics.MeterName, instrument.Name, names));
        if (metric.TryGetDataSeries(out var series, true, values))
        {
            series.TrackValue(value);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        listener?.Dispose();
        listener = null;
    }
}
